package io.arrears.agency.placement;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
public class PlacementRepository implements PanacheRepositoryBase<Placement, String> {

    public record Filter(String agencyId, PlacementStatus status, String accountId, String caseId) {
    }

    public record Listing(List<Placement> placements, long total) {
    }

    public Optional<Placement> activeFor(String accountId) {
        return find("accountId = ?1 and status = ?2", accountId, PlacementStatus.ACTIVE).firstResultOptional();
    }

    /** Active placements per agency. */
    public Map<String, Integer> activeCounts() {
        Map<String, Integer> counts = new HashMap<>();
        getEntityManager().createQuery("select p.agencyId, count(p) from Placement p where p.status = :active group by p.agencyId", Object[].class)
                .setParameter("active", PlacementStatus.ACTIVE).getResultList()
                .forEach(row -> counts.put((String) row[0], ((Number) row[1]).intValue()));
        return counts;
    }

    /** Per agency: placements made since {@code since}, and how many of those ended cured. */
    public Map<String, PlacementRules.Performance> performanceSince(OffsetDateTime since) {
        Map<String, PlacementRules.Performance> performance = new HashMap<>();
        getEntityManager().createQuery("select p.agencyId, count(p), sum(case when p.recallReason = io.arrears.events.RecallReason.CURED"
                        + " then 1 else 0 end) from Placement p where p.agencyId is not null and p.placedAt >= :since group by p.agencyId", Object[].class)
                .setParameter("since", since).getResultList()
                .forEach(row -> performance.put((String) row[0], new PlacementRules.Performance(((Number) row[1]).intValue(),
                        row[2] == null ? 0 : ((Number) row[2]).intValue())));
        return performance;
    }

    /** Agencies that have held the case before. */
    public Set<String> agenciesThatHeld(String caseId) {
        return new HashSet<>(getEntityManager().createQuery("select distinct p.agencyId from Placement p where p.caseId = :c and p.agencyId is not null",
                String.class).setParameter("c", caseId).getResultList());
    }

    public List<String> endedBy(OffsetDateTime now, int limit) {
        return getEntityManager().createQuery("select p.id from Placement p where p.status = :active and p.placedUntil <= :now order by p.placedUntil",
                String.class).setParameter("active", PlacementStatus.ACTIVE).setParameter("now", now).setMaxResults(limit).getResultList();
    }

    public Listing list(Filter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.agencyId() != null) {
            where.add("agencyId = :agency");
            params.and("agency", filter.agencyId());
        }
        if (filter.status() != null) {
            where.add("status = :status");
            params.and("status", filter.status());
        }
        if (filter.accountId() != null) {
            where.add("accountId = :account");
            params.and("account", filter.accountId());
        }
        if (filter.caseId() != null) {
            where.add("caseId = :case");
            params.and("case", filter.caseId());
        }
        String query = (where.isEmpty() ? "1 = 1" : String.join(" and ", where)) + " order by placedAt desc, id";
        var found = find(query, params);
        return new Listing(found.page(Page.of(page, size)).list(), found.count());
    }
}
