package io.arrears.agency.performance;

import io.arrears.agency.whitelist.AgencyTerms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Scorecards and commission statements, each figure one grouped query over the bank's records. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Scorecards {

    private final EntityManager entityManager;

    Scorecards(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Scorecard of(AgencyTerms agency, Instant from, Instant to, String currency) {
        String id = agency.id();
        long placed = count("select count(*) from placement where agency_id = ?1 and placed_at >= ?2 and placed_at < ?3", id, from, to);
        long active = count("select count(*) from placement where agency_id = ?1 and status = 'ACTIVE'", id);
        long contacted = count("select count(distinct placement_id) from agency_action where agency_id = ?1 and status = 'REPORTED'"
                + " and acted_at >= ?2 and acted_at < ?3", id, from, to);
        long actions = count("select count(*) from agency_action where agency_id = ?1 and status = 'REPORTED' and acted_at >= ?2 and acted_at < ?3",
                id, from, to);
        long conversations = count("select count(*) from agency_action where agency_id = ?1 and status = 'REPORTED' and conversation"
                + " and acted_at >= ?2 and acted_at < ?3", id, from, to);
        long promises = count("select count(*) from agency_action where agency_id = ?1 and outcome = 'PROMISE_TO_PAY'"
                + " and acted_at >= ?2 and acted_at < ?3", id, from, to);
        long cured = count("select count(*) from placement where agency_id = ?1 and recall_reason = 'CURED' and recalled_at >= ?2 and recalled_at < ?3",
                id, from, to);
        long complaints = count("select count(*) from placement where agency_id = ?1 and recall_reason = 'COMPLAINT_HOLD'"
                + " and recalled_at >= ?2 and recalled_at < ?3", id, from, to);
        long refused = count("select count(*) from agency_action where agency_id = ?1 and status = 'REFUSED' and acted_at >= ?2 and acted_at < ?3",
                id, from, to);
        BigDecimal collected = sum("select coalesce(sum(amount), 0) from collection where agency_id = ?1 and received_at >= ?2 and received_at < ?3",
                id, from, to);
        BigDecimal claimed = sum("select coalesce(sum(amount), 0) from agency_claim where agency_id = ?1 and reported_at >= ?2 and reported_at < ?3",
                id, from, to);
        Map<String, BigDecimal> byBucket = collectedByBucket(id, from, to);
        BigDecimal commission = CommissionStatement.of(id, null, currency, byBucket, agency.commission()).commission();
        return new Scorecard(id, agency.name(), placed, active, contacted, actions, conversations, promises, cured, complaints, refused,
                collected.setScale(2, java.math.RoundingMode.HALF_UP), claimed.setScale(2, java.math.RoundingMode.HALF_UP), commission, currency);
    }

    /** The month's statement; the month runs midnight to midnight in the bank's zone. */
    public CommissionStatement commission(AgencyTerms agency, YearMonth month, ZoneId zone, String currency) {
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        return CommissionStatement.of(agency.id(), month, currency, collectedByBucket(agency.id(), from, to), agency.commission());
    }

    private Map<String, BigDecimal> collectedByBucket(String agencyId, Instant from, Instant to) {
        Map<String, BigDecimal> byBucket = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select bucket, sum(amount) from collection where agency_id = ?1"
                        + " and received_at >= ?2 and received_at < ?3 group by bucket")
                .setParameter(1, agencyId).setParameter(2, from.atOffset(ZoneOffset.UTC)).setParameter(3, to.atOffset(ZoneOffset.UTC))
                .getResultList();
        rows.forEach(row -> byBucket.put((String) row[0], (BigDecimal) row[1]));
        return byBucket;
    }

    private long count(String sql, Object... params) {
        return ((Number) query(sql, params).getSingleResult()).longValue();
    }

    private BigDecimal sum(String sql, Object... params) {
        return (BigDecimal) query(sql, params).getSingleResult();
    }

    private jakarta.persistence.Query query(String sql, Object... params) {
        jakarta.persistence.Query q = entityManager.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            Object p = params[i] instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : params[i];
            q.setParameter(i + 1, p);
        }
        return q;
    }
}
