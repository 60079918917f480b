package io.arrears.reminder.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Set;
import java.util.Map;
import java.util.EnumSet;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

@Entity
@Table(name = "promise_to_pay")
public class PromiseToPay {

    /** An open promise ends once, one way: kept, broken or superseded by another; an ended one never changes. */
    public enum Status {
        OPEN, KEPT, BROKEN, SUPERSEDED;

        private static final Map<Status, Set<Status>> ALLOWED = Map.of(
                OPEN, EnumSet.of(KEPT, BROKEN, SUPERSEDED),
                KEPT, EnumSet.noneOf(Status.class),
                BROKEN, EnumSet.noneOf(Status.class),
                SUPERSEDED, EnumSet.noneOf(Status.class));

        public boolean canBecome(Status next) {
            return ALLOWED.get(this).contains(next);
        }
    }

    @Id
    public String id;
    public String caseId;
    public BigDecimal amount;
    public String currency;
    public LocalDate promisedDate;
    /** Read freely; changed only through {@link #moveTo}, which holds it to {@link Status}'s table. */
    @Enumerated(EnumType.STRING)
    public Status status;
    /** Paid on the account since the promise was made. */
    public BigDecimal paid;
    public String madeBy;
    public OffsetDateTime madeAt;
    public OffsetDateTime settledAt;

    /** A new promise starts OPEN; after that only what {@link Status}'s table allows. */
    public void moveTo(Status next) {
        if (status == null ? next != Status.OPEN : !status.canBecome(next)) {
            throw new IllegalTransition(status, next);
        }
        status = next;
    }

    public static final class IllegalTransition extends IllegalStateException {
        IllegalTransition(Status from, Status to) {
            super(from == null ? "a new promise starts OPEN, not " + to : "a promise that is " + from + " cannot become " + to
                    + (from == Status.OPEN ? "" : "; it has ended"));
        }
    }
}
