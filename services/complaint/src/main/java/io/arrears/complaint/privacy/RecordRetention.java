package io.arrears.complaint.privacy;

import io.arrears.complaint.config.ComplaintConfig;
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
 * Keeps complaint records' personal data no longer than {@code complaint.retention.*}: a complaint resolved
 * longer ago loses its free text (description, remedy, the officers' words on its audit entries), and copies
 * of contact outcomes kept as evidence are deleted once older than theirs. Categories, dates, outcomes and
 * who did what stay. A period under two years is refused at start-up (collection records, complaints
 * included, are kept at least that long).
 */
@ApplicationScoped
public class RecordRetention {

    static final Duration MINIMUM = Duration.ofDays(730);
    static final String REMOVED = "[removed after the retention period]";
    private static final Logger LOG = Logger.getLogger(RecordRetention.class);

    private final EntityManager entityManager;
    private final ComplaintConfig.Retention retention;
    private final Clock clock;

    RecordRetention(EntityManager entityManager, ComplaintConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.retention = config.retention();
        this.clock = clock;
    }

    void check(@Observes StartupEvent start) {
        requireLawful(retention);
    }

    static void requireLawful(ComplaintConfig.Retention retention) {
        if (retention.resolvedComplaints().compareTo(MINIMUM) < 0 || retention.contactEvidence().compareTo(MINIMUM) < 0) {
            throw new IllegalStateException("complaint.retention: collection records are kept at least " + MINIMUM.toDays()
                    + " days; resolved-complaints " + retention.resolvedComplaints().toDays() + ", contact-evidence "
                    + retention.contactEvidence().toDays());
        }
    }

    @Scheduled(cron = "${complaint.retention.run-at:0 50 2 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** One pass; returns how many complaints had their free text removed and how many evidence rows were deleted. */
    public int[] run() {
        return run(OffsetDateTime.now(clock));
    }

    int[] run(OffsetDateTime now) {
        OffsetDateTime complaintsBefore = now.minus(retention.resolvedComplaints());
        int complaints = QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("""
                            update complaint_audit set detail = split_part(detail, ': ', 1)
                            where position(': ' in detail) > 0 and complaint_id in (
                                select id from complaint where resolved_at < ?1 and personal_data_removed_at is null)""")
                    .setParameter(1, complaintsBefore).executeUpdate();
            return entityManager.createNativeQuery("""
                            update complaint set description = ?2, remedy = case when remedy is null then null else ?2 end,
                                                 personal_data_removed_at = ?3
                            where resolved_at < ?1 and personal_data_removed_at is null""")
                    .setParameter(1, complaintsBefore).setParameter(2, REMOVED).setParameter(3, now).executeUpdate();
        });
        int evidence = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "delete from contact_event where at < ?1")
                .setParameter(1, now.minus(retention.contactEvidence())).executeUpdate());
        if (complaints + evidence > 0) {
            LOG.infof("retention: free text removed from %d resolved complaints, %d contact evidence rows deleted", complaints, evidence);
        }
        return new int[] {complaints, evidence};
    }
}
