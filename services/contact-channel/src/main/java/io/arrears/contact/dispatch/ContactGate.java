package io.arrears.contact.dispatch;

import io.arrears.messaging.Redact;
import io.arrears.events.Channel;
import io.arrears.contact.customer.PhoneDigests;
import io.arrears.contact.channel.OutgoingMessage;
import io.arrears.contact.channel.SendResult;
import io.arrears.contact.config.ContactConfig;
import io.arrears.contact.customer.ContactPoint;
import io.arrears.contact.customer.CustomerDirectory;
import io.arrears.contact.customer.CustomerProfile;
import io.arrears.contact.customer.CustomerRepositories;
import io.arrears.contact.guard.Circumstances;
import io.arrears.contact.guard.ComplianceGuard;
import io.arrears.contact.guard.Decision;
import io.arrears.contact.guard.FrequencyCap;
import io.arrears.contact.template.NoticeData;
import io.arrears.contact.template.NoticeTemplates;
import io.arrears.contact.template.RenderedNotice;
import io.arrears.events.EventJson;
import io.arrears.events.SuppressionReason;
import io.arrears.messaging.AccountLock;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The two transactions around a send. {@link #prepare} claims a due attempt, asks the guard under
 * the account's lock and, on SEND, marks it SENDING before anything leaves; {@link #record} stores
 * what the provider said. Between them only the provider call happens, outside any transaction.
 */
@ApplicationScoped
public class ContactGate {

    private final AttemptRepository attempts;
    private final DecisionRepository decisions;
    private final CustomerDirectory directory;
    private final CustomerRepositories.Holds holds;
    private final ComplianceGuard guard;
    private final NoticeTemplates templates;
    private final NoticeData.Payment payment;
    private final AttemptOutcomes outcomes;
    private final AccountLock lock;
    private final ContactConfig config;
    private final MeterRegistry registry;
    private final Clock clock;
    private final PhoneDigests digests;
    private final CallHistory callHistory;

    ContactGate(AttemptRepository attempts, DecisionRepository decisions, CustomerDirectory directory, CustomerRepositories.Holds holds,
                ComplianceGuard guard, NoticeTemplates templates, NoticeData.Payment payment, AttemptOutcomes outcomes,
                AccountLock lock, ContactConfig config, MeterRegistry registry, Clock clock, PhoneDigests digests,
                CallHistory callHistory) {
        this.attempts = attempts;
        this.decisions = decisions;
        this.directory = directory;
        this.holds = holds;
        this.guard = guard;
        this.templates = templates;
        this.payment = payment;
        this.outcomes = outcomes;
        this.lock = lock;
        this.config = config;
        this.registry = registry;
        this.clock = clock;
        this.digests = digests;
        this.callHistory = callHistory;
    }

    @Transactional
    public Optional<OutgoingMessage> prepare(String reminderId) {
        OffsetDateTime now = now();
        ContactAttempt attempt = attempts.claim(reminderId).orElse(null);
        if (attempt == null || (attempt.status != AttemptStatus.PENDING && attempt.status != AttemptStatus.DEFERRED)
                || attempt.nextAttemptAt.isAfter(now)) {
            return Optional.empty();
        }
        lock.acquire(attempt.accountId);
        Optional<CustomerProfile> holder = directory.holderOf(attempt.accountId);
        if (holder.isEmpty()) {
            awaitContactData(attempt, now);
            return Optional.empty();
        }
        CustomerProfile profile = holder.get();
        if (attempt.customerId != null && !attempt.customerId.equals(profile.customerId)) {
            suppress(attempt, SuppressionReason.NO_CONTACT_POINT, "the request names a customer who does not hold the account", now);
            return Optional.empty();
        }
        Optional<ContactPoint> to = directory.contactPoint(profile, attempt.channel);
        ZoneId zone = zoneOf(profile);
        Instant instant = now.toInstant();
        Duration capPeriod = guard.pack().cap(attempt.channel).map(FrequencyCap::per).orElse(Duration.ZERO);
        Circumstances circumstances = new Circumstances(attempt.channel, zone, to.isPresent(), profile.doNotContact,
                holds.isHeld(attempt.accountId), directory.consent(profile.customerId, attempt.channel),
                capPeriod.isZero() ? 0 : attempts.attemptsSince(attempt.accountId, Set.of(attempt.channel), now.minus(capPeriod),
                        attempt.reminderId),
                attempts.attemptsSince(attempt.accountId, guard.pack().dailyCapChannels(),
                        OffsetDateTime.ofInstant(ComplianceGuard.startOfDay(instant, zone), ZoneOffset.UTC), attempt.reminderId),
                callHistory.before(attempt, profile.customerId, to, instant, zone));
        Decision decision = guard.decide(circumstances, instant);
        record(attempt, decision, now);
        switch (decision.verdict()) {
            case SUPPRESS -> {
                outcomes.finish(attempt, AttemptStatus.SUPPRESSED, decision.reason(), null);
                return Optional.empty();
            }
            case DEFER -> {
                attempt.moveTo(AttemptStatus.DEFERRED);
                attempt.statusReason = decision.reason();
                attempt.nextAttemptAt = OffsetDateTime.ofInstant(decision.until(), ZoneOffset.UTC);
                return Optional.empty();
            }
            default -> {
                RenderedNotice notice;
                try {
                    String language = profile.language != null ? profile.language
                            : attempt.language != null ? attempt.language : config.defaultLanguage();
                    notice = templates.render(attempt.templateId, language,
                            NoticeData.of(facts(attempt), profile.name, payment.in(language)));
                    if (guard.pack().law().optOutInEveryMessage() && (attempt.channel == Channel.SMS || attempt.channel == Channel.EMAIL)) {
                        notice = notice.withOptOut(optOut("sms", language), optOut("email", language));
                    }
                } catch (RuntimeException e) {
                    outcomes.finish(attempt, AttemptStatus.FAILED, "template " + attempt.templateId + " could not be rendered: "
                            + e.getMessage(), null);
                    return Optional.empty();
                }
                attempt.moveTo(AttemptStatus.SENDING);
                attempt.statusReason = null;
                attempt.attemptedAt = now;
                attempt.tries++;
                attempt.destination = to.get().masked();
                if (attempt.channel == Channel.VOICE || attempt.channel == Channel.SMS) {
                    attempt.destinationDigest = digests.of(to.get().address());
                }
                Object cardLast4 = facts(attempt).get("cardLast4");
                return Optional.of(new OutgoingMessage(attempt.reminderId, attempt.accountId, to.get(), notice,
                        cardLast4 == null ? null : cardLast4.toString()));
            }
        }
    }

    @Transactional
    public void record(String reminderId, SendResult result) {
        ContactAttempt attempt = attempts.lockedById(reminderId).orElseThrow();
        if (attempt.status != AttemptStatus.SENDING) {
            return;
        }
        switch (result.kind()) {
            case ACCEPTED -> outcomes.finish(attempt, AttemptStatus.SENT, null, result.providerMessageId());
            case REJECTED -> outcomes.finish(attempt, AttemptStatus.FAILED, result.error(), null);
            // Left SENDING: the reconciler asks the provider by our key, and sends again only if it says it
            // has nothing; a provider that cannot say leaves it UNKNOWN, for a person. Never a blind retry.
            case AMBIGUOUS -> attempt.statusReason = Redact.text("the provider may have taken it: " + result.error());
            case TRANSIENT -> {
                if (attempt.tries >= config.dispatch().maxTries()) {
                    outcomes.finish(attempt, AttemptStatus.FAILED, "gave up after " + attempt.tries + " tries: " + result.error(), null);
                } else {
                    attempt.moveTo(AttemptStatus.PENDING);
                    attempt.statusReason = Redact.text(result.error());
                    attempt.nextAttemptAt = now().plus(config.dispatch().firstBackoff().multipliedBy(1L << (attempt.tries - 1)));
                }
            }
        }
    }

    /** The customer feed may lag behind the reminder: wait for it a while, looking again every minute, then give up. */
    private void awaitContactData(ContactAttempt attempt, OffsetDateTime now) {
        Duration grace = config.dispatch().contactDataGrace();
        OffsetDateTime giveUpAt = attempt.createdAt.plus(grace);
        if (!now.isBefore(giveUpAt)) {
            suppress(attempt, SuppressionReason.NO_CONTACT_POINT, "no contact data for the holder of the account after waiting " + grace, now);
            return;
        }
        OffsetDateTime lookAgain = now.plusMinutes(1).isBefore(giveUpAt) ? now.plusMinutes(1) : giveUpAt;
        Decision wait = new Decision(Decision.Verdict.DEFER, Decision.AWAITING_CONTACT_DATA,
                "no contact data yet for the holder of the account", lookAgain.toInstant());
        if (attempt.statusReason == null || !attempt.statusReason.startsWith(Decision.AWAITING_CONTACT_DATA)) {
            record(attempt, wait, now);
        }
        attempt.moveTo(AttemptStatus.DEFERRED);
        attempt.statusReason = wait.reason();
        attempt.nextAttemptAt = lookAgain;
    }

    private void suppress(ContactAttempt attempt, SuppressionReason reason, String detail, OffsetDateTime now) {
        Decision decision = new Decision(Decision.Verdict.SUPPRESS, reason.name(), detail, null);
        record(attempt, decision, now);
        outcomes.finish(attempt, AttemptStatus.SUPPRESSED, decision.reason(), null);
    }

    private void record(ContactAttempt attempt, Decision decision, OffsetDateTime now) {
        GuardDecision row = new GuardDecision();
        row.reminderId = attempt.reminderId;
        row.accountId = attempt.accountId;
        row.channel = attempt.channel;
        row.decision = decision.verdict().name();
        row.rule = decision.rule();
        row.detail = decision.detail();
        row.until = decision.until() == null ? null : OffsetDateTime.ofInstant(decision.until(), ZoneOffset.UTC);
        row.policyPack = guard.pack().name();
        row.decidedAt = now;
        decisions.persist(row);
        registry.counter("arrears.contact.decisions", "decision", row.decision, "rule", row.rule, "channel", row.channel.name(),
                "pack", row.policyPack).increment();
    }

    private ZoneId zoneOf(CustomerProfile profile) {
        try {
            return profile.timezone == null ? ZoneId.of(config.defaultTimezone()) : ZoneId.of(profile.timezone);
        } catch (DateTimeException e) {
            return ZoneId.of(config.defaultTimezone());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> facts(ContactAttempt attempt) {
        return EventJson.mapper().convertValue(EventJson.parse(attempt.facts.getBytes(StandardCharsets.UTF_8)), Map.class);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private String optOut(String channel, String language) {
        Map<String, String> lines = config.optOutNotice().getOrDefault(channel, Map.of());
        String line = lines.getOrDefault(language, lines.get(config.defaultLanguage()));
        if (line == null) {
            throw new IllegalStateException("no contact.opt-out-notice." + channel + " for " + language);
        }
        return line;
    }

}
