package io.arrears.reminder.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

@Entity
@Table(name = "promise_to_pay")
public class PromiseToPay {

    public enum Status { OPEN, KEPT, BROKEN, SUPERSEDED }

    @Id
    public String id;
    public String caseId;
    public BigDecimal amount;
    public String currency;
    public LocalDate promisedDate;
    @Enumerated(EnumType.STRING)
    public Status status;
    /** Paid on the account since the promise was made. */
    public BigDecimal paid;
    public String madeBy;
    public OffsetDateTime madeAt;
    public OffsetDateTime settledAt;
}
