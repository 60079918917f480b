package io.arrears.account.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

@Entity
@Table(name = "payment")
public class Payment {

    @Id
    public String id;

    @Column(name = "account_id")
    public String accountId;

    public BigDecimal amount;

    public String currency;

    @Column(name = "posted_at")
    public OffsetDateTime postedAt;

    public String channel;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
}
