package io.arrears.complaint.handling;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a complaint stands. RECEIVED, then ACKNOWLEDGED, INVESTIGATING and RESOLVED; from any open
 * state it may be ESCALATED to a supervisor, and from there referred to the regulator. Only the
 * changes in the table are allowed; any other is a named error, never a silent overwrite.
 */
public enum ComplaintState {
    RECEIVED, ACKNOWLEDGED, INVESTIGATING, ESCALATED_SUPERVISOR, REGULATOR_REFERRAL, RESOLVED;

    private static final Map<ComplaintState, Set<ComplaintState>> ALLOWED = Map.of(
            RECEIVED, EnumSet.of(ACKNOWLEDGED, ESCALATED_SUPERVISOR),
            ACKNOWLEDGED, EnumSet.of(INVESTIGATING, ESCALATED_SUPERVISOR),
            INVESTIGATING, EnumSet.of(RESOLVED, ESCALATED_SUPERVISOR),
            ESCALATED_SUPERVISOR, EnumSet.of(INVESTIGATING, RESOLVED, REGULATOR_REFERRAL),
            REGULATOR_REFERRAL, EnumSet.of(RESOLVED),
            RESOLVED, EnumSet.noneOf(ComplaintState.class));

    public boolean canBecome(ComplaintState next) {
        return ALLOWED.get(this).contains(next);
    }

    public Set<ComplaintState> next() {
        return Set.copyOf(ALLOWED.get(this));
    }

    public boolean isOpen() {
        return this != RESOLVED;
    }

    /** @throws IllegalTransition when the table does not allow the change */
    public void requireTransitionTo(ComplaintState next) {
        if (!canBecome(next)) {
            throw new IllegalTransition(this, next);
        }
    }

    public static class IllegalTransition extends RuntimeException {
        public IllegalTransition(ComplaintState from, ComplaintState to) {
            super("a complaint that is " + from + " cannot become " + to + "; allowed next: "
                    + (ALLOWED.get(from).isEmpty() ? "nothing, it is final" : ALLOWED.get(from)));
        }
    }
}
