package io.arrears.events;

/** What came of an agency's action. The first four mean the agency spoke with the cardholder. */
public enum AgencyOutcome {
    CONVERSATION, PROMISE_TO_PAY, REFUSED_TO_PAY, DISPUTED, NO_ANSWER, NOBODY_HOME, SENT;

    public boolean conversation() {
        return ordinal() <= DISPUTED.ordinal();
    }
}
