package io.arrears.contact.dispatch;

import io.arrears.contact.channel.OutgoingMessage;
import io.arrears.contact.channel.SendResult;
import io.arrears.contact.config.ContactConfig;
import io.arrears.contact.customer.ContactPoint;
import io.arrears.contact.customer.CustomerProfile;
import io.arrears.contact.customer.PhoneDigests;
import io.arrears.rules.ComplianceGuard;
import io.arrears.rules.Decision;
import io.arrears.contact.template.RenderedNotice;
import io.arrears.events.Channel;
import io.arrears.events.SuppressionReason;
import io.arrears.messaging.AccountLock;
import io.arrears.messaging.Redact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The two transactions around a send. {@link #prepareAll} claims due attempts, asks the guard under
 * their accounts' locks and, on SEND, marks each SENDING before anything leaves; {@link #recordAll}
 * stores what the providers said. Between them only the provider calls happen, outside any transaction.
 */
@ApplicationScoped
class ContactGate {

    private final AttemptRepository attempts;
    private final CircumstancesOf circumstances;
    private final ComplianceGuard guard;
    private final DecisionLog decisions;
    private final NoticeRendering rendering;
    private final AttemptOutcomes outcomes;
    private final AccountLock lock;
    private final ContactConfig config;
    private final Clock clock;
    private final PhoneDigests digests;
    private final Deliveries deliveries;

    ContactGate(AttemptRepository attempts, CircumstancesOf circumstances, ComplianceGuard guard,
                DecisionLog decisions, NoticeRendering rendering, AttemptOutcomes outcomes, AccountLock lock, ContactConfig config,
                Clock clock, PhoneDigests digests, Deliveries deliveries) {
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.circumstances = circumstances;
        this.guard = guard;
        this.decisions = decisions;
        this.rendering = rendering;
        this.outcomes = outcomes;
        this.lock = lock;
        this.config = config;
        this.clock = clock;
        this.digests = digests;
    }

    /**
     * Locks the accounts of a slice's due attempts and claims the attempts, one statement each, reads
     * what the guard weighs about all of them at once, then judges each in the order given: one cardholder's attempts
     * in the order they fell due, so the caps count each earlier one. Returns what may be sent.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Prepared prepareAll(List<DueAttempt> due) {
        OffsetDateTime now = now();
        lock.acquireAll(due.stream().map(DueAttempt::accountId).toList());
        Map<String, ContactAttempt> claimed = attempts.claimAll(due.stream().map(DueAttempt::reminderId).toList()).stream()
                .filter(a -> (a.status == AttemptStatus.PENDING || a.status == AttemptStatus.DEFERRED) && !a.nextAttemptAt.isAfter(now))
                .collect(Collectors.toMap(a -> a.reminderId, a -> a));
        if (claimed.isEmpty()) {
            return Prepared.none();
        }
        SliceFacts facts = circumstances.readAhead(claimed.values().stream().map(a -> a.accountId).collect(Collectors.toSet()), now);
        UUID claim = UUID.randomUUID();
        List<OutgoingMessage> ready = new ArrayList<>();
        for (DueAttempt d : due) {
            ContactAttempt attempt = claimed.get(d.reminderId());
            if (attempt != null) {
                prepare(attempt, facts, now, claim).ifPresent(ready::add);
            }
        }
        return new Prepared(claim, ready);
    }

    /**
     * Judges attempts made in this transaction and not yet written, in the order given, as {@link #prepareAll}
     * judges due ones: their accounts locked, what the guard weighs read once. Each is then written once, in the
     * status the guard left it in, where a poll would insert it PENDING and update it again. An attempt whose
     * holder is not known yet is left PENDING, unjudged, for the poll to take as it would have.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Prepared prepareNew(List<ContactAttempt> fresh) {
        if (fresh.isEmpty()) {
            return Prepared.none();
        }
        OffsetDateTime now = now();
        lock.acquireAll(fresh.stream().map(a -> a.accountId).toList());
        SliceFacts facts = circumstances.readAhead(fresh.stream().map(a -> a.accountId).collect(Collectors.toSet()), now);
        UUID claim = UUID.randomUUID();
        List<OutgoingMessage> ready = new ArrayList<>();
        for (ContactAttempt attempt : fresh) {
            if (facts.holders().holderOf(attempt.accountId).isPresent()) {
                prepare(attempt, facts, now, claim).ifPresent(ready::add);
            }
        }
        return new Prepared(claim, ready);
    }

    private Optional<OutgoingMessage> prepare(ContactAttempt attempt, SliceFacts facts, OffsetDateTime now, UUID claim) {
        Optional<CustomerProfile> holder = facts.holders().holderOf(attempt.accountId);
        if (holder.isEmpty()) {
            awaitContactData(attempt, now);
            return Optional.empty();
        }
        CustomerProfile profile = holder.get();
        if (attempt.customerId != null && !attempt.customerId.equals(profile.customerId)) {
            suppress(attempt, SuppressionReason.NO_CONTACT_POINT, "the request names a customer who does not hold the account", now);
            return Optional.empty();
        }
        Optional<ContactPoint> to = facts.holders().contactPoint(profile, attempt.channel);
        Decision decision = guard.decide(circumstances.of(attempt, profile, to, now, facts), now.toInstant());
        decisions.record(attempt, decision, now);
        return switch (decision.verdict()) {
            case SUPPRESS -> {
                outcomes.finish(attempt, AttemptStatus.SUPPRESSED, decision.reason(), null);
                yield Optional.empty();
            }
            case DEFER -> {
                attempt.moveTo(AttemptStatus.DEFERRED);
                attempt.statusReason = decision.reason();
                attempt.nextAttemptAt = OffsetDateTime.ofInstant(decision.until(), ZoneOffset.UTC);
                yield Optional.empty();
            }
            case SEND -> send(attempt, profile, to.orElseThrow(), now, facts, claim);
        };
    }

    /** Renders the notice and marks the attempt SENDING before anything leaves; a notice that cannot be written fails the attempt. */
    private Optional<OutgoingMessage> send(ContactAttempt attempt, CustomerProfile profile, ContactPoint to, OffsetDateTime now,
                                           SliceFacts facts, UUID claim) {
        Map<String, Object> noticeFacts;
        RenderedNotice notice;
        try {
            noticeFacts = NoticeRendering.facts(attempt);
            notice = rendering.render(attempt, noticeFacts, profile);
        } catch (RuntimeException e) {
            outcomes.finish(attempt, AttemptStatus.FAILED, "template " + attempt.templateId + " could not be rendered: " + e.getMessage(), null);
            return Optional.empty();
        }
        attempt.moveTo(AttemptStatus.SENDING);
        attempt.statusReason = null;
        attempt.attemptedAt = now;
        attempt.sendClaim = claim;
        attempt.tries++;
        attempt.destination = to.masked();
        if (attempt.channel == Channel.VOICE || attempt.channel == Channel.SMS) {
            attempt.destinationDigest = digests.of(to.address());
        }
        facts.handOver(attempt);
        Object cardLast4 = noticeFacts.get("cardLast4");
        return Optional.of(new OutgoingMessage(attempt.reminderId, attempt.accountId, to, notice, cardLast4 == null ? null : cardLast4.toString()));
    }

    /**
     * Stores what the providers said about a slice's attempts. Nearly every answer takes the message or refuses it for
     * good: those are recorded in one statement, and the SMS centre's receipts that came first are applied after them.
     * The rest (no answer, or a refusal worth trying again) are read locked and changed one by one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<ProviderAnswer> answers) {
        Map<Boolean, List<ProviderAnswer>> byFinal = answers.stream().collect(Collectors.partitioningBy(ContactGate::isFinal));
        List<String> sentSms = outcomes.recordFinalAnswers(byFinal.get(true)).stream()
                .filter(a -> a.status() == AttemptStatus.SENT && a.channel() == Channel.SMS && a.providerMessageId() != null)
                .map(SettledAttempt::providerMessageId).toList();
        // Only the SMS centre's receipts are kept when they come first.
        deliveries.settleEarly(sentSms);
        List<ProviderAnswer> open = byFinal.get(false);
        if (open.isEmpty()) {
            return;
        }
        Map<String, ContactAttempt> locked = attempts.lockAll(open.stream().map(ProviderAnswer::reminderId).toList()).stream()
                .collect(Collectors.toMap(a -> a.reminderId, a -> a));
        for (ProviderAnswer answer : open) {
            ContactAttempt attempt = locked.get(answer.reminderId());
            if (attempt != null && attempt.status == AttemptStatus.SENDING) {
                recordOpen(attempt, answer.result());
            }
        }
    }

    private static boolean isFinal(ProviderAnswer answer) {
        return answer.result().kind() == SendResult.Kind.ACCEPTED || answer.result().kind() == SendResult.Kind.REJECTED;
    }

    /** An answer that settles nothing yet: the attempt waits to be reconciled, or to be tried again. */
    private void recordOpen(ContactAttempt attempt, SendResult result) {
        switch (result.kind()) {
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
            case ACCEPTED, REJECTED -> throw new IllegalArgumentException(result.kind() + " is recorded with the final answers");
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
            decisions.record(attempt, wait, now);
        }
        attempt.moveTo(AttemptStatus.DEFERRED);
        attempt.statusReason = wait.reason();
        attempt.nextAttemptAt = lookAgain;
    }

    private void suppress(ContactAttempt attempt, SuppressionReason reason, String detail, OffsetDateTime now) {
        Decision decision = new Decision(Decision.Verdict.SUPPRESS, reason.name(), detail, null);
        decisions.record(attempt, decision, now);
        outcomes.finish(attempt, AttemptStatus.SUPPRESSED, decision.reason(), null);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
