package io.arrears.reminder.cases;

import io.arrears.events.PlanType;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.util.Set;
import java.util.Map;
import java.util.EnumSet;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "repayment_plan")
public class RepaymentPlan {

    /** A plan in force ends once: broken, completed, or rejected by the account service; an ended one never changes. */
    public enum Status {
        ACTIVE, BROKEN, COMPLETED, REJECTED;

        private static final Map<Status, Set<Status>> ALLOWED = Map.of(
                ACTIVE, EnumSet.of(BROKEN, COMPLETED, REJECTED),
                BROKEN, EnumSet.noneOf(Status.class),
                COMPLETED, EnumSet.noneOf(Status.class),
                REJECTED, EnumSet.noneOf(Status.class));

        public boolean canBecome(Status next) {
            return ALLOWED.get(this).contains(next);
        }
    }

    @Id
    public String id;
    public String caseId;
    public String accountId;
    @Enumerated(EnumType.STRING)
    public PlanType type;
    /** Read freely; changed only through {@link #moveTo}, which holds it to {@link Status}'s table. */
    @Enumerated(EnumType.STRING)
    public Status status;
    public BigDecimal total;
    public String currency;
    public BigDecimal waivedInterest;
    public BigDecimal waivedFees;
    public BigDecimal writtenOff = BigDecimal.ZERO;
    public String agreedBy;
    public OffsetDateTime agreedAt;
    public OffsetDateTime endedAt;
    @OneToMany(mappedBy = "planId", cascade = CascadeType.ALL)
    @OrderBy("seq")
    public List<PlanInstalment> instalments = new ArrayList<>();

    /** A new plan starts ACTIVE; after that only what {@link Status}'s table allows. */
    public void moveTo(Status next) {
        if (status == null ? next != Status.ACTIVE : !status.canBecome(next)) {
            throw new IllegalTransition(status, next);
        }
        status = next;
    }

    public static final class IllegalTransition extends IllegalStateException {
        IllegalTransition(Status from, Status to) {
            super(from == null ? "a new plan starts ACTIVE, not " + to : "a plan that is " + from + " cannot become " + to
                    + (from == Status.ACTIVE ? "" : "; it has ended"));
        }
    }
}
