package io.arrears.contact.privacy;

import io.arrears.contact.config.ContactConfig;
import io.arrears.rules.ComplianceGuard;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Keeps collection records as long as the law asks and no longer. After {@code contact.retention.*}
 * (per kind of record), the guard's decisions are deleted and contact attempts are anonymised: the
 * contact point (masked as it is) and the template facts go, the channel, times and outcome stay for the
 * statistics. Under the cn pack a period shorter than two years is refused at start-up.
 */
@ApplicationScoped
public class RecordRetention {

    /** China: collection records (contacts, call outcomes, complaints) are kept at least two years. */
    static final Duration CN_MINIMUM = Duration.ofDays(730);
    private static final Logger LOG = Logger.getLogger(RecordRetention.class);

    private final EntityManager entityManager;
    private final ContactConfig.Retention retention;
    private final ComplianceGuard guard;
    private final Clock clock;

    RecordRetention(EntityManager entityManager, ContactConfig config, ComplianceGuard guard, Clock clock) {
        this.entityManager = entityManager;
        this.retention = config.retention();
        this.guard = guard;
        this.clock = clock;
    }

    void check(@Observes StartupEvent start) {
        requireLawful(guard.pack().name(), retention);
    }

    static void requireLawful(String pack, ContactConfig.Retention retention) {
        if (!"cn".equals(pack)) {
            return;
        }
        if (retention.attempts().compareTo(CN_MINIMUM) < 0 || retention.decisions().compareTo(CN_MINIMUM) < 0) {
            throw new IllegalStateException("contact.retention: policy pack cn keeps collection records at least " + CN_MINIMUM.toDays()
                    + " days; attempts " + retention.attempts().toDays() + ", decisions " + retention.decisions().toDays());
        }
    }

    @Scheduled(cron = "${contact.retention.run-at}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** One pass; returns how many attempts were anonymised and decisions deleted. */
    public int[] run() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int anonymised = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "update contact_attempt set destination = null, destination_digest = null, facts = '{}'"
                                + " where created_at < ?1 and (destination is not null or facts <> '{}')")
                .setParameter(1, now.minus(retention.attempts())).executeUpdate());
        int deleted = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "delete from guard_decision where decided_at < ?1")
                .setParameter(1, now.minus(retention.decisions())).executeUpdate()
                // The SEND an attempt first went out on is a decision too, kept on the attempt.
                + entityManager.createNativeQuery("update contact_attempt set allowed_at = null, allowed_by_pack = null where allowed_at < ?1")
                .setParameter(1, now.minus(retention.decisions())).executeUpdate());
        // Agents' calls are kept here only for the call rules; the reminder service keeps the record of them.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("delete from agent_call where called_at < ?1")
                .setParameter(1, now.minus(retention.attempts())).executeUpdate());
        if (anonymised + deleted > 0) {
            LOG.infof("retention: %d contact attempts anonymised, %d guard decisions deleted", anonymised, deleted);
        }
        return new int[] {anonymised, deleted};
    }
}
