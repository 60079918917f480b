package io.arrears.contact.guard;

import io.arrears.events.Channel;

import java.time.ZoneId;

/**
 * Everything the guard weighs for one attempt, read under the account's lock so that two attempts
 * for one account are never judged on the same counts.
 *
 * @param consent                 the standing consent for the channel: TRUE, FALSE (opted out) or null (never given)
 * @param attemptsInCapPeriod     attempts on this channel within the pack's cap period for it
 * @param attemptsToday           attempts on the daily-cap channels since the start of the cardholder's day
 */
public record Circumstances(Channel channel, ZoneId zone, boolean hasContactPoint, boolean doNotContact, boolean held,
                            Boolean consent, int attemptsInCapPeriod, int attemptsToday) {
}
