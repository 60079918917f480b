package io.arrears.reminder.privacy;

import io.arrears.reminder.config.ReminderConfig;
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
 * Keeps a closed case's personal details no longer than {@code reminder.retention.closed-cases}: then the
 * agents' free-text notes (on their calls and in the timeline), the facts its reminders were written
 * from and the card's last digits go. The case, its amounts, dates, steps, outcomes, plans and their
 * audit trail stay: they are the bank's record of what it did, and hold nothing that names a person.
 * A period under two years is refused at start-up (collection records are kept at least that long).
 */
@ApplicationScoped
public class RecordRetention {

    static final Duration MINIMUM = Duration.ofDays(730);
    private static final Logger LOG = Logger.getLogger(RecordRetention.class);

    private final EntityManager entityManager;
    private final ReminderConfig.Retention retention;
    private final Clock clock;

    RecordRetention(EntityManager entityManager, ReminderConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.retention = config.retention();
        this.clock = clock;
    }

    void check(@Observes StartupEvent start) {
        requireLawful(retention.closedCases());
    }

    static void requireLawful(Duration closedCases) {
        if (closedCases.compareTo(MINIMUM) < 0) {
            throw new IllegalStateException("reminder.retention.closed-cases: collection records are kept at least "
                    + MINIMUM.toDays() + " days; configured " + closedCases.toDays());
        }
    }

    @Scheduled(cron = "${reminder.retention.run-at:0 45 2 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** One pass; returns how many cases had their personal details removed. */
    public int run() {
        return run(OffsetDateTime.now(clock));
    }

    int run(OffsetDateTime now) {
        OffsetDateTime cutoff = now.minus(retention.closedCases());
        int cases = QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("""
                            update agent_contact set note = null
                            where note is not null and case_id in (select id from collection_case where closed_at < ?1)""")
                    .setParameter(1, cutoff).executeUpdate();
            // An agent's timeline entry reads "OUTCOME: note"; the outcome stays.
            entityManager.createNativeQuery("""
                            update case_timeline set detail = split_part(detail, ': ', 1)
                            where kind = 'AGENT_CONTACT' and position(': ' in detail) > 0
                              and case_id in (select id from collection_case where closed_at < ?1)""")
                    .setParameter(1, cutoff).executeUpdate();
            entityManager.createNativeQuery("""
                            update scheduled_step set facts = null
                            where facts is not null and case_id in (select id from collection_case where closed_at < ?1)""")
                    .setParameter(1, cutoff).executeUpdate();
            return entityManager.createNativeQuery("""
                            update collection_case set card_last4 = null, personal_data_removed_at = ?2
                            where closed_at < ?1 and personal_data_removed_at is null""")
                    .setParameter(1, cutoff).setParameter(2, now).executeUpdate();
        });
        if (cases > 0) {
            LOG.infof("retention: personal details removed from %d cases closed before %s", cases, cutoff);
        }
        return cases;
    }
}
