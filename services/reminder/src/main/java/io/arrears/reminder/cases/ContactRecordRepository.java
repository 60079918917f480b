package io.arrears.reminder.cases;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class ContactRecordRepository implements PanacheRepositoryBase<ContactRecord, Long> {

    public List<ContactRecord> ofCase(String caseId) {
        return list("caseId = ?1 order by id", caseId);
    }
}
