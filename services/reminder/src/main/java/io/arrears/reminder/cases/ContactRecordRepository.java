package io.arrears.reminder.cases;

import io.arrears.events.ReminderSent;
import io.arrears.messaging.RowsAtCommit;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class ContactRecordRepository implements PanacheRepositoryBase<ContactRecord, ContactRecord.Key> {

    private static final String INSERT = "insert into contact_record "
            + "(step_id, case_id, account_id, channel, status, reason, provider_message_id, at) values (?, ?, ?, ?, ?, ?, ?, ?) "
            + "on conflict do nothing";

    private final RowsAtCommit rows;

    ContactRecordRepository(RowsAtCommit rows) {
        this.rows = rows;
    }

    public List<ContactRecord> ofCase(String caseId) {
        rows.writeNow();
        return list("caseId = ?1 order by at, stepId, status", caseId);
    }

    /**
     * Appends an outcome with the transaction's other appended rows as it commits: nothing reads it back in the
     * transaction, where an entity would cost the session a managed copy and its dirty check. An outcome already
     * recorded is left as it is, so the same ReminderSent read twice is kept once.
     */
    public void append(ReminderSent sent, String caseId) {
        rows.add(INSERT, sent.reminderId(), caseId, sent.accountId(), sent.channel().name(), sent.status().name(), sent.reason(),
                sent.providerMessageId(), sent.at());
    }
}
