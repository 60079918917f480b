package io.arrears.contact.dispatch;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a contact attempt stands, and the only changes it may make. PENDING and DEFERRED attempts wait
 * for their time; SENDING is handed to the provider right now (or was, when a crash interrupted it); SENT
 * and UNKNOWN wait for a provider's receipt to make them DELIVERED or FAILED; the rest are final.
 *
 * <p>The table carries the send-once guarantee: nothing goes back to PENDING but a SENDING the provider
 * certainly does not have (a transient refusal, or a reconciled interrupted send), and nothing leaves a
 * final status. Any other change is a named error, never a silent overwrite.
 */
public enum AttemptStatus {
    PENDING, DEFERRED, SENDING, SENT, DELIVERED, FAILED, SUPPRESSED, UNKNOWN;

    private static final Map<AttemptStatus, Set<AttemptStatus>> ALLOWED = Map.of(
            PENDING, EnumSet.of(DEFERRED, SENDING, SUPPRESSED, FAILED),
            DEFERRED, EnumSet.of(DEFERRED, SENDING, SUPPRESSED, FAILED),
            SENDING, EnumSet.of(SENT, FAILED, UNKNOWN, PENDING),
            SENT, EnumSet.of(DELIVERED, FAILED),
            UNKNOWN, EnumSet.of(DELIVERED, FAILED),
            DELIVERED, EnumSet.noneOf(AttemptStatus.class),
            FAILED, EnumSet.noneOf(AttemptStatus.class),
            SUPPRESSED, EnumSet.noneOf(AttemptStatus.class));

    public boolean awaitsReceipt() {
        return this == SENT || this == UNKNOWN;
    }

    /** What a provider's receipt makes of an attempt that {@linkplain #awaitsReceipt awaits one}; the table allows both from either. */
    public static AttemptStatus onReceipt(boolean delivered) {
        return delivered ? DELIVERED : FAILED;
    }

    /** What a provider's final answer to a send (it took the message, or refused it for good) makes of a SENDING attempt. */
    static AttemptStatus onFinalAnswer(boolean accepted) {
        return accepted ? SENT : FAILED;
    }

    /** The statuses that {@linkplain #awaitsReceipt await a receipt}. */
    static List<AttemptStatus> awaitingReceipt() {
        return Arrays.stream(values()).filter(AttemptStatus::awaitsReceipt).toList();
    }

    public boolean canBecome(AttemptStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    /** @throws IllegalTransition when the table does not allow the change; a new attempt may only start PENDING */
    static void requireTransition(AttemptStatus from, AttemptStatus to) {
        if (from == null ? to != PENDING : !from.canBecome(to)) {
            throw new IllegalTransition(from, to);
        }
    }

    public static class IllegalTransition extends IllegalStateException {
        IllegalTransition(AttemptStatus from, AttemptStatus to) {
            super(from == null ? "a new contact attempt starts PENDING, not " + to
                    : "a contact attempt that is " + from + " cannot become " + to + "; allowed next: "
                    + (ALLOWED.get(from).isEmpty() ? "nothing, it is final" : ALLOWED.get(from)));
        }
    }
}
