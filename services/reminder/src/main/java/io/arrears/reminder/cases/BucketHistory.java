package io.arrears.reminder.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;

/** The buckets each case has been in, each with when it first got there: the roll rates are read from it. */
@ApplicationScoped
public class BucketHistory {

    private final EntityManager entityManager;

    BucketHistory(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Notes that the case is in {@code bucket}; a bucket entered again (a broken plan resumes it) keeps its first date.
     * Plain JDBC: a native query through the session would first flush everything it holds, for every case opened.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void entered(String caseId, String bucket, OffsetDateTime at) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into case_bucket_entry (case_id, bucket, entered_at) values (?, ?, ?) on conflict do nothing")) {
                insert.setString(1, caseId);
                insert.setString(2, bucket);
                insert.setObject(3, at);
                insert.executeUpdate();
            }
        });
    }
}
