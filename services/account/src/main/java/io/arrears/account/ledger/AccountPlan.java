package io.arrears.account.ledger;

import io.arrears.events.PlanType;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.util.Set;
import java.util.Map;
import java.util.EnumSet;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "repayment_plan")
public class AccountPlan {

    /** A plan in force ends once: broken, completed, or superseded by a newer one; an ended one never changes. */
    public enum Status {
        ACTIVE, BROKEN, COMPLETED, SUPERSEDED;

        private static final Map<Status, Set<Status>> ALLOWED = Map.of(
                ACTIVE, EnumSet.of(BROKEN, COMPLETED, SUPERSEDED),
                BROKEN, EnumSet.noneOf(Status.class),
                COMPLETED, EnumSet.noneOf(Status.class),
                SUPERSEDED, EnumSet.noneOf(Status.class));

        public boolean canBecome(Status next) {
            return ALLOWED.get(this).contains(next);
        }
    }

    @Id
    public String id;

    @Column(name = "account_id")
    public String accountId;

    @Column(name = "case_id")
    public String caseId;

    @Enumerated(EnumType.STRING)
    public PlanType type;

    /** Read freely; changed only through {@link #moveTo}, which holds it to {@link Status}'s table. */
    @Enumerated(EnumType.STRING)
    public Status status;

    public String currency;

    @Column(name = "waived_interest")
    public BigDecimal waivedInterest;

    @Column(name = "waived_fees")
    public BigDecimal waivedFees;

    @Column(name = "written_off")
    public BigDecimal writtenOff = BigDecimal.ZERO;

    @Column(name = "agreed_by")
    public String agreedBy;

    @Column(name = "agreed_at")
    public OffsetDateTime agreedAt;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("seq")
    public List<Instalment> instalments = new ArrayList<>();

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
