package io.arrears.reminder.cases;

import io.arrears.messaging.RowsAtCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;

/** The buckets each case has been in, each with when it first got there: the roll rates are read from it. */
@ApplicationScoped
public class BucketHistory {

    private static final String INSERT = "insert into case_bucket_entry (case_id, bucket, entered_at) values (?, ?, ?) on conflict do nothing";

    private final RowsAtCommit rows;

    BucketHistory(RowsAtCommit rows) {
        this.rows = rows;
    }

    /**
     * Notes that the case is in {@code bucket}; a bucket entered again (a broken plan resumes it) keeps its first
     * date. Written with the transaction's other appended rows as it commits, in the order they were noted.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void entered(String caseId, String bucket, OffsetDateTime at) {
        rows.add(INSERT, caseId, bucket, at);
    }
}
