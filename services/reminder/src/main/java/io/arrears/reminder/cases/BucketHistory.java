package io.arrears.reminder.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;

/** The buckets each case has been in, each with when it first got there: the roll rates are read from it. */
@ApplicationScoped
public class BucketHistory {

    private final EntityManager entityManager;

    BucketHistory(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Notes that the case is in {@code bucket}; a bucket entered again (a broken plan resumes it) keeps its first date. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void entered(String caseId, String bucket, OffsetDateTime at) {
        entityManager.createNativeQuery("insert into case_bucket_entry (case_id, bucket, entered_at) values (?1, ?2, ?3) "
                        + "on conflict do nothing")
                .setParameter(1, caseId)
                .setParameter(2, bucket)
                .setParameter(3, at)
                .executeUpdate();
    }
}
