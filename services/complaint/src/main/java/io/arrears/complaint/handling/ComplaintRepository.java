package io.arrears.complaint.handling;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class ComplaintRepository implements PanacheRepositoryBase<Complaint, String> {

    public record Filter(String accountId, ComplaintState state, Boolean slaBreached) {
    }

    public record Listing(List<Complaint> complaints, long total) {
    }

    public Listing list(Filter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.accountId() != null) {
            where.add("accountId = :account");
            params.and("account", filter.accountId());
        }
        if (filter.state() != null) {
            where.add("state = :state");
            params.and("state", filter.state());
        }
        if (filter.slaBreached() != null) {
            where.add(filter.slaBreached() ? "(ackBreachedAt is not null or resolveBreachedAt is not null)"
                    : "(ackBreachedAt is null and resolveBreachedAt is null)");
        }
        String query = (where.isEmpty() ? "1 = 1" : String.join(" and ", where)) + " order by receivedAt, id";
        var found = find(query, params);
        return new Listing(found.page(Page.of(page, size)).list(), found.count());
    }

    /** Open complaints whose acknowledgement or resolution is due by {@code now} and not yet flagged. */
    public List<String> newlyBreached(OffsetDateTime now) {
        return getEntityManager().createQuery("select c.id from Complaint c where c.state <> :resolved and ("
                        + "(c.acknowledgedAt is null and c.ackBreachedAt is null and c.acknowledgeDue <= :now) or "
                        + "(c.resolveBreachedAt is null and c.resolveDue <= :now))", String.class)
                .setParameter("resolved", ComplaintState.RESOLVED).setParameter("now", now).getResultList();
    }

    public long openBreached() {
        return count("state <> ?1 and (ackBreachedAt is not null or resolveBreachedAt is not null)", ComplaintState.RESOLVED);
    }
}
