package io.arrears.reminder.schedule;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a scheduled step stands, and the only changes it may make. PENDING and SUSPENDED steps may still
 * fire; a REQUESTED one waits for contact-channel's outcome (SENT and UNKNOWN for the provider's receipt);
 * the rest are final. PARKED: firing it failed in a way that would fail again (a bug, data it cannot
 * handle); it waits for a person, with the reason, so that the steps behind it fire. Any change the
 * table does not list is a named error, never a silent overwrite.
 */
public enum StepStatus {
    PENDING, SUSPENDED, REQUESTED, SENT, DELIVERED, FAILED, SUPPRESSED, UNKNOWN, DONE, SKIPPED, CANCELLED, PARKED;

    private static final Set<StepStatus> NOTHING = EnumSet.noneOf(StepStatus.class);
    private static final Map<StepStatus, Set<StepStatus>> ALLOWED = Map.ofEntries(
            Map.entry(PENDING, EnumSet.of(SUSPENDED, REQUESTED, DONE, SKIPPED, CANCELLED, PARKED)),
            Map.entry(SUSPENDED, EnumSet.of(PENDING, SKIPPED, CANCELLED)),
            Map.entry(REQUESTED, EnumSet.of(SENT, DELIVERED, FAILED, SUPPRESSED, UNKNOWN)),
            Map.entry(SENT, EnumSet.of(DELIVERED, FAILED)),
            Map.entry(UNKNOWN, EnumSet.of(DELIVERED, FAILED)),
            Map.entry(DELIVERED, NOTHING),
            Map.entry(FAILED, NOTHING),
            Map.entry(SUPPRESSED, NOTHING),
            Map.entry(DONE, NOTHING),
            Map.entry(SKIPPED, NOTHING),
            Map.entry(CANCELLED, NOTHING),
            Map.entry(PARKED, NOTHING));
    /** What a new step may start as: due, waiting for its case to allow it, or skipped from the start. */
    private static final Set<StepStatus> FIRST = EnumSet.of(PENDING, SUSPENDED, SKIPPED);

    /** Every status a step can reach only by having been REQUESTED of contact-channel. */
    private static final Set<StepStatus> AFTER_REQUEST = EnumSet.of(REQUESTED, SENT, DELIVERED, FAILED, SUPPRESSED, UNKNOWN);

    /** Whether the step was asked of contact-channel: the table lets no other way lead here. */
    public boolean wasRequested() {
        return AFTER_REQUEST.contains(this);
    }

    public boolean isOpen() {
        return this == PENDING || this == SUSPENDED;
    }

    public boolean canBecome(StepStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    /** The statuses from which a step may become {@code next}. */
    public static Set<StepStatus> before(StepStatus next) {
        Set<StepStatus> from = EnumSet.noneOf(StepStatus.class);
        ALLOWED.forEach((status, allowed) -> {
            if (allowed.contains(next)) {
                from.add(status);
            }
        });
        return from;
    }

    /** @throws IllegalTransition when the table does not allow the change */
    static void requireTransition(StepStatus from, StepStatus to) {
        if (from == null ? !FIRST.contains(to) : !from.canBecome(to)) {
            throw new IllegalTransition(from, to);
        }
    }

    public static class IllegalTransition extends IllegalStateException {
        IllegalTransition(StepStatus from, StepStatus to) {
            super(from == null ? "a new step starts " + FIRST + ", not " + to
                    : "a step that is " + from + " cannot become " + to + "; allowed next: "
                    + (ALLOWED.get(from).isEmpty() ? "nothing, it is final" : ALLOWED.get(from)));
        }
    }
}
