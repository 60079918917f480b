package io.arrears.contact.dispatch;

import io.arrears.contact.channel.ChannelAdapters;
import io.arrears.contact.channel.Lookup;
import io.arrears.contact.config.ContactConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Settles sends that a crash interrupted: an attempt left SENDING for longer than any provider call
 * takes. The provider is asked by the reminder id before anything is resent. Found: it was sent.
 * Not found: it never left, and goes back to PENDING. Cannot be asked: UNKNOWN, never resent, and
 * the reminder service hears of it so a person can decide.
 */
@ApplicationScoped
public class Reconciler {

    private static final Logger LOG = Logger.getLogger(Reconciler.class);

    private final AttemptRepository attempts;
    private final ChannelAdapters adapters;
    private final AttemptOutcomes outcomes;
    private final ContactConfig config;
    private final Clock clock;

    Reconciler(AttemptRepository attempts, ChannelAdapters adapters, AttemptOutcomes outcomes, ContactConfig config, Clock clock) {
        this.attempts = attempts;
        this.adapters = adapters;
        this.outcomes = outcomes;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Refuses to start if a send's own records could still be waiting for the database when the reconciler takes its
     * attempt: it would call UNKNOWN a text the SMS centre took, whose answer then arrives and finds it settled.
     */
    void check(@Observes StartupEvent start) {
        requireAnswersBeforeReconciling(config.dispatch().recordAnswersWithin(), config.dispatch().staleSendingAfter());
    }

    static void requireAnswersBeforeReconciling(Duration recordAnswersWithin, Duration staleSendingAfter) {
        if (recordAnswersWithin.compareTo(staleSendingAfter) >= 0) {
            throw new IllegalStateException("contact.dispatch.record-answers-within (" + recordAnswersWithin
                    + ") must be shorter than contact.dispatch.stale-sending-after (" + staleSendingAfter
                    + "), with room for a provider call: the reconciler would settle attempts whose answers are still waiting");
        }
    }

    @Scheduled(every = "${contact.dispatch.reconcile-every}", delayed = "${contact.dispatch.first-poll-after}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        reconcile();
    }

    /** Settles every stale SENDING attempt; returns how many it settled. */
    public int reconcile() {
        OffsetDateTime before = OffsetDateTime.now(clock).minus(config.dispatch().staleSendingAfter());
        List<String> stale = QuarkusTransaction.requiringNew().call(() -> attempts.staleSending(before, config.dispatch().batchSize()));
        int settled = 0;
        for (String reminderId : stale) {
            try {
                settled += settle(reminderId, before) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.warnf("could not reconcile reminder %s yet: %s", reminderId, e.getMessage());
            }
        }
        return settled;
    }

    private boolean settle(String reminderId, OffsetDateTime before) {
        var channel = QuarkusTransaction.requiringNew().call(() -> attempts.findById(reminderId).channel);
        Lookup lookup = adapters.forChannel(channel).lookup(reminderId);
        return QuarkusTransaction.requiringNew().call(() -> {
            ContactAttempt attempt = attempts.claim(reminderId).orElse(null);
            if (attempt == null || attempt.status != AttemptStatus.SENDING || !attempt.attemptedAt.isBefore(before)) {
                return false;
            }
            switch (lookup.answer()) {
                case FOUND -> outcomes.finish(attempt, AttemptStatus.SENT, "confirmed by the provider after an interrupted send",
                        lookup.providerMessageId());
                case NOT_FOUND -> {
                    attempt.moveTo(AttemptStatus.PENDING);
                    attempt.statusReason = "an interrupted send never reached the provider; sending again";
                    attempt.nextAttemptAt = OffsetDateTime.now(clock);
                }
                case UNKNOWABLE -> outcomes.finish(attempt, AttemptStatus.UNKNOWN, "the send was interrupted and "
                        + adapters.forChannel(channel).name() + " cannot say whether it took the message; not resent", null);
            }
            LOG.infof("reconciled interrupted send of reminder %s: %s", reminderId, lookup.answer());
            return true;
        });
    }
}
