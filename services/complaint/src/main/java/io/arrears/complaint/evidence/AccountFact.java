package io.arrears.complaint.evidence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** The latest PaymentMissed for an account: who holds it and how far behind it is. */
@Entity
@Table(name = "account_fact")
public class AccountFact {

    @Id
    public String accountId;
    public String customerId;
    public int daysPastDue;
    public String bucket;
    public BigDecimal amountOverdue;
    public String currency;
    public OffsetDateTime updatedAt;
}
