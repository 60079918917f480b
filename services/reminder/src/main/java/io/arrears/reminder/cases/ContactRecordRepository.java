package io.arrears.reminder.cases;

import io.arrears.events.ReminderSent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.util.List;

@ApplicationScoped
public class ContactRecordRepository implements PanacheRepositoryBase<ContactRecord, Long> {

    public List<ContactRecord> ofCase(String caseId) {
        return list("caseId = ?1 order by id", caseId);
    }

    /**
     * Appends an outcome, twice for most reminders (sent, then delivered): in plain JDBC, as nothing reads
     * it back in the transaction, where an entity would cost the session a managed copy and its dirty check.
     */
    public void append(ReminderSent sent, String caseId) {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into contact_record "
                    + "(step_id, case_id, account_id, channel, status, reason, provider_message_id, at) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, sent.reminderId());
                insert.setString(2, caseId);
                insert.setString(3, sent.accountId());
                insert.setString(4, sent.channel().name());
                insert.setString(5, sent.status().name());
                insert.setString(6, sent.reason());
                insert.setString(7, sent.providerMessageId());
                insert.setObject(8, sent.at());
                insert.executeUpdate();
            }
        });
    }
}
