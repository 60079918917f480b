package io.arrears.rules;

import io.arrears.events.Channel;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Everything the guard weighs for one attempt, read under the account's lock so that two attempts
 * for one account are never judged on the same counts.
 *
 * @param consent                 the standing consent for the channel: TRUE, FALSE (opted out) or null (never given)
 * @param attemptsInCapPeriod     attempts on this channel within the pack's cap period for it
 * @param attemptsToday           attempts on the daily-cap channels since the start of the cardholder's day
 * @param calls                   what the calls of the cardholder's day and the last conversation say (voice only)
 */
public record Circumstances(Channel channel, ZoneId zone, boolean hasContactPoint, boolean doNotContact, boolean held,
                            Boolean consent, int attemptsInCapPeriod, int attemptsToday, Calls calls) {

    public Circumstances(Channel channel, ZoneId zone, boolean hasContactPoint, boolean doNotContact, boolean held,
                         Boolean consent, int attemptsInCapPeriod, int attemptsToday) {
        this(channel, zone, hasContactPoint, doNotContact, held, consent, attemptsInCapPeriod, attemptsToday, Calls.NONE);
    }

    /**
     * @param unansweredToNumberToday calls to the number about to be called that went unanswered today
     * @param conversationsToday      answered calls with this debtor today, whatever the account
     * @param lastConversation        when the last conversation about this account took place, or null
     */
    public record Calls(int unansweredToNumberToday, int conversationsToday, Instant lastConversation) {
        public static final Calls NONE = new Calls(0, 0, null);
    }
}
