package io.arrears.rules;

import io.arrears.events.Channel;
import io.arrears.events.SuppressionReason;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Decides one contact attempt under one policy pack: send now, defer to the next lawful moment, or
 * suppress with the rule. The order matters: what the cardholder or the law forbids outright is
 * checked before anything that only delays, so a deferred attempt is never one that could not be sent.
 */
public final class ComplianceGuard {

    private final PolicyPack pack;

    public ComplianceGuard(PolicyPack pack) {
        this.pack = pack;
    }

    public PolicyPack pack() {
        return pack;
    }

    public Decision decide(Circumstances c, Instant now) {
        if (c.doNotContact()) {
            return Decision.suppress(SuppressionReason.DO_NOT_CONTACT, "the customer is flagged do-not-contact");
        }
        if (c.held()) {
            return Decision.suppress(SuppressionReason.COMPLAINT_HOLD, "a complaint that holds contact is open for the account");
        }
        if (!c.hasContactPoint()) {
            return Decision.suppress(SuppressionReason.NO_CONTACT_POINT, "no " + c.channel() + " contact point on file");
        }
        if (Boolean.FALSE.equals(c.consent())) {
            return Decision.suppress(SuppressionReason.OPTED_OUT, "the cardholder opted out of " + c.channel());
        }
        if (c.consent() == null && pack.consentRequired().contains(c.channel())) {
            return Decision.suppress(SuppressionReason.NO_CONSENT, "policy pack " + pack.name() + " needs consent for " + c.channel());
        }
        ZonedDateTime local = now.atZone(c.zone());
        if (pack.windowChannels().contains(c.channel()) && !inWindow(local.toLocalTime())) {
            return Decision.defer(Decision.CONTACT_WINDOW, "outside " + pack.windowStart() + "-" + pack.windowEnd() + " in " + c.zone(),
                    nextWindowStart(local));
        }
        var cap = pack.cap(c.channel());
        if (cap.isPresent() && c.attemptsInCapPeriod() >= cap.get().max()) {
            return Decision.suppress(SuppressionReason.FREQUENCY_CAP, c.attemptsInCapPeriod() + " " + c.channel() + " attempts in "
                    + cap.get().per().toDays() + " days; policy pack " + pack.name() + " allows " + cap.get().max());
        }
        if (c.channel() == Channel.VOICE) {
            Decision call = decideCall(c, local);
            if (call != null) {
                return call;
            }
        }
        if (pack.dailyCapChannels().contains(c.channel()) && c.attemptsToday() >= pack.dailyCap()) {
            return Decision.defer(Decision.DAILY_CAP, c.attemptsToday() + " attempts today; policy pack " + pack.name() + " allows "
                    + pack.dailyCap() + " a day", local.toLocalDate().plusDays(1).atTime(pack.windowStart()).atZone(c.zone()).toInstant());
        }
        return Decision.send();
    }

    /** The jurisdiction's own limits on calls; null when none stands in the way. */
    private Decision decideCall(Circumstances c, ZonedDateTime local) {
        StatutoryRules law = pack.law();
        Instant tomorrow = local.toLocalDate().plusDays(1).atTime(pack.windowStart()).atZone(c.zone()).toInstant();
        if (!law.quietAfterConversation().isZero() && c.calls().lastConversation() != null) {
            Instant quietUntil = c.calls().lastConversation().plus(law.quietAfterConversation());
            if (local.toInstant().isBefore(quietUntil)) {
                return Decision.defer(Decision.AFTER_CONVERSATION, "a conversation about the debt took place at "
                        + c.calls().lastConversation() + "; policy pack " + pack.name() + " allows no call for "
                        + law.quietAfterConversation().toDays() + " days after one", quietUntil);
            }
        }
        if (law.unansweredCallsPerNumberPerDay() > 0 && c.calls().unansweredToNumberToday() >= law.unansweredCallsPerNumberPerDay()) {
            return Decision.defer(Decision.UNANSWERED_CALLS, c.calls().unansweredToNumberToday() + " unanswered calls to this number today;"
                    + " policy pack " + pack.name() + " allows " + law.unansweredCallsPerNumberPerDay(), tomorrow);
        }
        if (law.conversationsPerDebtorPerDay() > 0 && c.calls().conversationsToday() >= law.conversationsPerDebtorPerDay()) {
            return Decision.defer(Decision.CONVERSATIONS, c.calls().conversationsToday() + " answered calls with the debtor today;"
                    + " policy pack " + pack.name() + " allows " + law.conversationsPerDebtorPerDay(), tomorrow);
        }
        return null;
    }

    /** The start of the cardholder's local day, from which the daily cap counts. */
    public static Instant startOfDay(Instant now, ZoneId zone) {
        return now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    }

    private boolean inWindow(LocalTime time) {
        return !time.isBefore(pack.windowStart()) && time.isBefore(pack.windowEnd());
    }

    private Instant nextWindowStart(ZonedDateTime local) {
        ZonedDateTime today = local.toLocalDate().atTime(pack.windowStart()).atZone(local.getZone());
        return (local.isBefore(today) ? today : today.plusDays(1)).toInstant();
    }
}
