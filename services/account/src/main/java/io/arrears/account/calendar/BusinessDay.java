package io.arrears.account.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

@Entity
@Table(name = "business_day")
public class BusinessDay {

    @Id
    @Column(name = "business_date")
    public LocalDate businessDate;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "aged_at")
    public OffsetDateTime agedAt;
}
