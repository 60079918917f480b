package io.arrears.agency.actions;

import io.arrears.events.AgencyAction;
import io.arrears.events.Channel;
import io.arrears.events.SuppressionReason;
import io.arrears.rules.Circumstances;
import io.arrears.rules.ComplianceGuard;
import io.arrears.rules.Decision;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * Judges an agency's action before it is taken. The agency's contract comes first (the channel, the
 * contract's dates), then the cardholder's own contact points (an agency reaches the debtor and nobody
 * else), then the same compliance guard the bank's own reminders pass: do-not-contact, a complaint's hold,
 * the contact window, the caps and the jurisdiction's call limits, counted over every contact the
 * cardholder had, the bank's and the agencies'. A visit is held to the same window, and to its own cap.
 */
public final class ActionGate {

    public static final String CHANNEL_NOT_CONTRACTED = "CHANNEL_NOT_CONTRACTED";
    public static final String CONTRACT_ENDED = "CONTRACT_ENDED";
    public static final String THIRD_PARTY = "THIRD_PARTY";
    public static final String VISIT_CAP = "VISIT_CAP";

    /**
     * @param ownContactPoint for a call or text, the number is one of the cardholder's own; for a letter or
     *                        visit, an address is on file
     * @param visitsInPeriod  visits to the cardholder within the visit cap's period
     * @param consent         the cardholder's standing consent for the channel (calls, texts): TRUE, FALSE (opted out) or null
     */
    public record Facts(AgencyAction action, Set<AgencyAction> contracted, boolean underContract, ZoneId zone, boolean ownContactPoint,
                        boolean doNotContact, boolean held, int attemptsInCapPeriod, int attemptsToday, Circumstances.Calls calls,
                        int visitsInPeriod, Boolean consent) {

        /** Facts about a cardholder who never gave nor withdrew consent for the channel. */
        public Facts(AgencyAction action, Set<AgencyAction> contracted, boolean underContract, ZoneId zone, boolean ownContactPoint,
                     boolean doNotContact, boolean held, int attemptsInCapPeriod, int attemptsToday, Circumstances.Calls calls, int visitsInPeriod) {
            this(action, contracted, underContract, zone, ownContactPoint, doNotContact, held, attemptsInCapPeriod, attemptsToday, calls,
                    visitsInPeriod, null);
        }
    }

    public record Verdict(boolean allowed, String rule, String detail) {
        static final Verdict ALLOWED = new Verdict(true, Decision.ALLOWED, null);

        static Verdict refuse(String rule, String detail) {
            return new Verdict(false, rule, detail);
        }
    }

    private final ComplianceGuard guard;
    private final int visitMax;
    private final Duration visitPer;

    public ActionGate(ComplianceGuard guard, int visitMax, Duration visitPer) {
        this.guard = guard;
        this.visitMax = visitMax;
        this.visitPer = visitPer;
    }

    public Duration visitPeriod() {
        return visitPer;
    }

    public static Channel channelOf(AgencyAction action) {
        return switch (action) {
            case CALL -> Channel.VOICE;
            case SMS -> Channel.SMS;
            case LETTER -> Channel.LETTER;
            case VISIT -> null;
        };
    }

    public Verdict decide(Facts f, Instant now) {
        if (!f.contracted().contains(f.action())) {
            return Verdict.refuse(CHANNEL_NOT_CONTRACTED, "the agency's contract does not allow " + f.action() + "; it allows " + f.contracted());
        }
        if (!f.underContract()) {
            return Verdict.refuse(CONTRACT_ENDED, "the agency has no contract with the bank today");
        }
        if (!f.ownContactPoint()) {
            return f.action() == AgencyAction.CALL || f.action() == AgencyAction.SMS
                    ? Verdict.refuse(THIRD_PARTY, "the number is not one of the cardholder's own; nobody else may be contacted about the debt")
                    : Verdict.refuse(SuppressionReason.NO_CONTACT_POINT.name(), "no address on file for the cardholder");
        }
        if (f.action() == AgencyAction.VISIT) {
            return visit(f, now);
        }
        Decision decision = guard.decide(new Circumstances(channelOf(f.action()), f.zone(), true, f.doNotContact(), f.held(), f.consent(),
                f.attemptsInCapPeriod(), f.attemptsToday(), f.calls()), now);
        return decision.verdict() == Decision.Verdict.SEND ? Verdict.ALLOWED : Verdict.refuse(decision.rule(), decision.detail());
    }

    private Verdict visit(Facts f, Instant now) {
        if (f.doNotContact()) {
            return Verdict.refuse(SuppressionReason.DO_NOT_CONTACT.name(), "the customer is flagged do-not-contact");
        }
        if (f.held()) {
            return Verdict.refuse(SuppressionReason.COMPLAINT_HOLD.name(), "a complaint that holds contact is open for the account");
        }
        LocalTime local = now.atZone(f.zone()).toLocalTime();
        LocalTime start = guard.pack().windowStart();
        LocalTime end = guard.pack().windowEnd();
        if (local.isBefore(start) || !local.isBefore(end)) {
            return Verdict.refuse(Decision.CONTACT_WINDOW, "outside " + start + "-" + end + " in " + f.zone());
        }
        if (f.visitsInPeriod() >= visitMax) {
            return Verdict.refuse(VISIT_CAP, f.visitsInPeriod() + " visits in " + visitPer.toDays() + " days; at most " + visitMax);
        }
        return Verdict.ALLOWED;
    }
}
