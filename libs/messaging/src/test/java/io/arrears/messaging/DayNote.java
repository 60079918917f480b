package io.arrears.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** A test's entity: persisted by a consumer, written at the session's next flush, where the table's check may refuse it. */
@Entity
@Table(name = "day_note")
public class DayNote {

    @Id
    @Column(name = "business_date")
    public LocalDate businessDate;

    public String note;

    protected DayNote() {
    }

    public DayNote(LocalDate businessDate, String note) {
        this.businessDate = businessDate;
        this.note = note;
    }
}
