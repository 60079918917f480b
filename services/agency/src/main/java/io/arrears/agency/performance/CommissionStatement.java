package io.arrears.agency.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the bank owes one agency for one month: per bucket, the amount collected during its placements
 * times the contract's rate for that bucket, rounded half up to the cent once per line; the total is the
 * sum of the rounded lines, so the statement adds up as printed. A bucket without a rate earns nothing
 * and says so.
 */
public record CommissionStatement(String agencyId, YearMonth month, String currency, List<Line> lines, BigDecimal collected,
                                  BigDecimal commission) {

    public record Line(String bucket, BigDecimal collected, BigDecimal rate, BigDecimal commission) {
    }

    public static CommissionStatement of(String agencyId, YearMonth month, String currency, Map<String, BigDecimal> collectedByBucket,
                                         Map<String, BigDecimal> rates) {
        List<Line> lines = new ArrayList<>();
        BigDecimal collected = BigDecimal.ZERO.setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal commission = BigDecimal.ZERO.setScale(2, RoundingMode.UNNECESSARY);
        for (Map.Entry<String, BigDecimal> e : new TreeMap<>(collectedByBucket).entrySet()) {
            BigDecimal rate = rates.getOrDefault(e.getKey(), BigDecimal.ZERO);
            BigDecimal amount = e.getValue().setScale(2, RoundingMode.HALF_UP);
            BigDecimal earned = e.getValue().multiply(rate).setScale(2, RoundingMode.HALF_UP);
            lines.add(new Line(e.getKey(), amount, rate, earned));
            collected = collected.add(amount);
            commission = commission.add(earned);
        }
        return new CommissionStatement(agencyId, month, currency, List.copyOf(lines), collected, commission);
    }
}
