package io.arrears.reminder.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A plan beyond an agent's limits, waiting for a supervisor: four eyes on every override. */
@Entity
@Table(name = "plan_approval")
public class PlanApproval {

    /** A request waits once and is decided once: approved into a plan, declined, or withdrawn because the case moved on. */
    public enum Status {
        PENDING, APPROVED, DECLINED, WITHDRAWN;

        private static final Map<Status, Set<Status>> ALLOWED = Map.of(
                PENDING, EnumSet.of(APPROVED, DECLINED, WITHDRAWN),
                APPROVED, EnumSet.noneOf(Status.class),
                DECLINED, EnumSet.noneOf(Status.class),
                WITHDRAWN, EnumSet.noneOf(Status.class));

        public boolean canBecome(Status next) {
            return ALLOWED.get(this).contains(next);
        }
    }

    @Id
    public String id;
    public String caseId;
    /** The agent's request as JSON, judged again when approved. */
    public String terms;
    public String limitName;
    public String reason;
    /** Read freely; changed only through {@link #moveTo}, which holds it to {@link Status}'s table. */
    @Enumerated(EnumType.STRING)
    public Status status;
    public String requestedBy;
    public OffsetDateTime requestedAt;
    public String decidedBy;
    public OffsetDateTime decidedAt;
    public String decisionNote;
    public String planId;

    /** A new request starts PENDING; after that only what {@link Status}'s table allows. */
    public void moveTo(Status next) {
        if (status == null ? next != Status.PENDING : !status.canBecome(next)) {
            throw new IllegalTransition(status, next);
        }
        status = next;
    }

    public static final class IllegalTransition extends IllegalStateException {
        IllegalTransition(Status from, Status to) {
            super(from == null ? "a new plan approval starts PENDING, not " + to : "a plan approval that is " + from
                    + " cannot become " + to + (from == Status.PENDING ? "" : "; it has been decided"));
        }
    }
}
