package io.arrears.reminder.cases;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The state of a collection case. It is never set directly: {@link #derive} computes it from the
 * case's facts, and {@link #requireTransitionTo} refuses a change the business does not allow.
 */
public enum CaseState {
    OPEN, ON_HOLD, PROMISED, IN_PLAN, ESCALATED_AGENCY, LEGAL_REVIEW, CLOSED;

    private static final Map<CaseState, Set<CaseState>> ALLOWED = Map.of(
            OPEN, EnumSet.of(ON_HOLD, PROMISED, IN_PLAN, ESCALATED_AGENCY, LEGAL_REVIEW, CLOSED),
            ON_HOLD, EnumSet.of(OPEN, PROMISED, IN_PLAN, ESCALATED_AGENCY, LEGAL_REVIEW, CLOSED),
            PROMISED, EnumSet.of(OPEN, ON_HOLD, IN_PLAN, ESCALATED_AGENCY, LEGAL_REVIEW, CLOSED),
            IN_PLAN, EnumSet.of(OPEN, ON_HOLD, ESCALATED_AGENCY, LEGAL_REVIEW, CLOSED),
            ESCALATED_AGENCY, EnumSet.of(ON_HOLD, PROMISED, IN_PLAN, LEGAL_REVIEW, CLOSED),
            LEGAL_REVIEW, EnumSet.of(ON_HOLD, PROMISED, IN_PLAN, CLOSED),
            CLOSED, EnumSet.noneOf(CaseState.class));

    /** What the case is, given its facts; the earlier a fact is tested, the more it outranks the others. */
    public static CaseState derive(boolean closed, boolean held, boolean planActive, boolean promiseOpen, Escalation escalation) {
        if (closed) {
            return CLOSED;
        }
        if (held) {
            return ON_HOLD;
        }
        if (planActive) {
            return IN_PLAN;
        }
        if (promiseOpen) {
            return PROMISED;
        }
        return switch (escalation) {
            case LEGAL_REVIEW -> LEGAL_REVIEW;
            case AGENCY -> ESCALATED_AGENCY;
            case NONE -> OPEN;
        };
    }

    public boolean canBecome(CaseState next) {
        return next == this || ALLOWED.get(this).contains(next);
    }

    public void requireTransitionTo(CaseState next) {
        if (!canBecome(next)) {
            throw new IllegalCaseTransition(this, next);
        }
    }

    /** Whether the ladder may contact the cardholder in this state. */
    public boolean laddersRun() {
        return this == OPEN || this == ESCALATED_AGENCY || this == LEGAL_REVIEW;
    }

    public enum Escalation { NONE, AGENCY, LEGAL_REVIEW }

    public static final class IllegalCaseTransition extends IllegalStateException {
        public IllegalCaseTransition(CaseState from, CaseState to) {
            super("a case cannot go from " + from + " to " + to);
        }
    }
}
