package io.arrears.reminder.reports;

import io.arrears.reminder.config.ReminderConfig;
import io.arrears.reminder.strategy.TreatmentStrategy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes {@link StrategyResults} from the service's own records: the cases opened in the period, their
 * promises, plans, contacts (one per reminder the provider took) and the buckets they went through.
 * Each figure is one grouped query, so the report costs the same for ten cases or a million.
 */
@ApplicationScoped
public class StrategyReport {

    private static final String COHORT = "c.opened_at >= ?1 and c.opened_at < ?2";

    private final EntityManager entityManager;
    private final TreatmentStrategy strategy;
    private final ReminderConfig.Reports config;
    private final ZoneId bankZone;

    StrategyReport(EntityManager entityManager, TreatmentStrategy strategy, ReminderConfig config) {
        this.entityManager = entityManager;
        this.strategy = strategy;
        this.config = config.reports();
        this.bankZone = config.schedule().zone();
    }

    /** Cases opened from the start of {@code from} to the start of {@code to}, in the bank's zone. */
    @Transactional
    public StrategyResults of(LocalDate from, LocalDate to) {
        OffsetDateTime start = from.atStartOfDay(bankZone).toOffsetDateTime();
        OffsetDateTime end = to.atStartOfDay(bankZone).toOffsetDateTime();
        Map<Group, Counts> groups = new TreeMap<>();
        for (Object[] r : rows("select c.arm, c.segment, count(*), count(*) filter (where c.closed_reason in ('PAID', 'PLAN_COMPLETED') "
                + "and c.closed_at <= c.opened_at + make_interval(days => ?3)) from collection_case c where " + COHORT
                + " group by c.arm, c.segment", start, end, config.cureWithinDays())) {
            Counts counts = groups.computeIfAbsent(group(r), g -> new Counts());
            counts.opened = number(r[2]);
            counts.cured = number(r[3]);
        }
        for (Object[] r : rows("select c.arm, c.segment, count(*) filter (where p.status = 'KEPT'), count(*) filter (where p.status = 'BROKEN') "
                + "from promise_to_pay p join collection_case c on c.id = p.case_id where " + COHORT + " group by c.arm, c.segment", start, end)) {
            Counts counts = groups.computeIfAbsent(group(r), g -> new Counts());
            counts.promisesKept = number(r[2]);
            counts.promisesBroken = number(r[3]);
        }
        for (Object[] r : rows("select c.arm, c.segment, count(*) filter (where p.status <> 'REJECTED'), count(*) filter (where p.status = 'COMPLETED'), "
                + "count(*) filter (where p.status = 'BROKEN') from repayment_plan p join collection_case c on c.id = p.case_id where " + COHORT
                + " group by c.arm, c.segment", start, end)) {
            Counts counts = groups.computeIfAbsent(group(r), g -> new Counts());
            counts.plansAgreed = number(r[2]);
            counts.plansCompleted = number(r[3]);
            counts.plansBroken = number(r[4]);
        }
        // A reminder counts once, whether the provider's SENT, its DELIVERED or both came back; a send that later
        // failed to arrive was still made.
        for (Object[] r : rows("select c.arm, c.segment, s.channel, count(*) from scheduled_step s "
                + "join collection_case c on c.id = s.case_id where " + COHORT + " and (s.sent_at is not null or s.status = 'DELIVERED') "
                + "group by c.arm, c.segment, s.channel", start, end)) {
            groups.computeIfAbsent(group(r), g -> new Counts()).contacts.put((String) r[2], number(r[3]));
        }
        for (Object[] r : rows("select c.arm, c.segment, e.bucket, count(*) from case_bucket_entry e join collection_case c on c.id = e.case_id "
                + "where " + COHORT + " group by c.arm, c.segment, e.bucket", start, end)) {
            groups.computeIfAbsent(group(r), g -> new Counts()).entered.put((String) r[2], number(r[3]));
        }
        // Rolled: went on to any later bucket (a late PaymentMissed can skip one), counted once per case.
        String order = String.join(",", strategy.bucketLabels());
        for (Object[] r : rows("select c.arm, c.segment, e.bucket, count(distinct e.case_id) from case_bucket_entry e "
                + "join case_bucket_entry n on n.case_id = e.case_id "
                + "and array_position(string_to_array(?3, ','), n.bucket) > array_position(string_to_array(?3, ','), e.bucket) "
                + "join collection_case c on c.id = e.case_id where " + COHORT + " group by c.arm, c.segment, e.bucket", start, end, order)) {
            groups.computeIfAbsent(group(r), g -> new Counts()).rolled.put((String) r[2], number(r[3]));
        }
        List<StrategyResults.ArmResult> results = new ArrayList<>();
        groups.forEach((group, counts) -> results.add(result(group, counts)));
        return new StrategyResults(from, to, config.cureWithinDays(), config.costCurrency(), results);
    }

    private StrategyResults.ArmResult result(Group group, Counts counts) {
        BigDecimal cost = BigDecimal.ZERO;
        long contacts = 0;
        for (Map.Entry<String, Long> e : counts.contacts.entrySet()) {
            cost = cost.add(config.contactCost().getOrDefault(e.getKey(), BigDecimal.ZERO).multiply(BigDecimal.valueOf(e.getValue())));
            contacts += e.getValue();
        }
        List<String> buckets = strategy.bucketLabels();
        List<StrategyResults.Roll> rolls = new ArrayList<>();
        for (int i = 0; i + 1 < buckets.size(); i++) {
            long entered = counts.entered.getOrDefault(buckets.get(i), 0L);
            long rolled = counts.rolled.getOrDefault(buckets.get(i), 0L);
            rolls.add(new StrategyResults.Roll(buckets.get(i), buckets.get(i + 1), entered, rolled, StrategyResults.rate(rolled, entered)));
        }
        return new StrategyResults.ArmResult(group.arm(), group.segment(), counts.opened, counts.cured,
                StrategyResults.rate(counts.cured, counts.opened), counts.promisesKept, counts.promisesBroken,
                StrategyResults.rate(counts.promisesKept, counts.promisesKept + counts.promisesBroken),
                counts.plansAgreed, counts.plansCompleted, counts.plansBroken, Map.copyOf(counts.contacts), contacts,
                cost.setScale(2, RoundingMode.HALF_UP),
                counts.cured == 0 ? null : cost.divide(BigDecimal.valueOf(counts.cured), 2, RoundingMode.HALF_UP), rolls);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... parameters) {
        var query = entityManager.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultList();
    }

    private static Group group(Object[] row) {
        return new Group((String) row[0], (String) row[1]);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private record Group(String arm, String segment) implements Comparable<Group> {
        @Override
        public int compareTo(Group other) {
            int byArm = arm.compareTo(other.arm);
            return byArm != 0 ? byArm : segment.compareTo(other.segment);
        }
    }

    /** What the grouped queries found for one arm and segment. */
    private static final class Counts {
        long opened;
        long cured;
        long promisesKept;
        long promisesBroken;
        long plansAgreed;
        long plansCompleted;
        long plansBroken;
        final Map<String, Long> contacts = new TreeMap<>();
        final Map<String, Long> entered = new HashMap<>();
        final Map<String, Long> rolled = new HashMap<>();
    }
}
