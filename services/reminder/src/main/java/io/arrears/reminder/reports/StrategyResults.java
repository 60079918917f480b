package io.arrears.reminder.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * How each strategy arm did with each segment, for the cases opened in a period: the figures a head
 * of collections compares champion and challenger on. Rates are null where nothing could be counted.
 */
public record StrategyResults(LocalDate from, LocalDate to, int cureWithinDays, String costCurrency, List<ArmResult> results) {

    public record ArmResult(String arm, String segment, long casesOpened, long cured, Double cureRate,
                            long promisesKept, long promisesBroken, Double keptPromiseRate,
                            long plansAgreed, long plansCompleted, long plansBroken,
                            Map<String, Long> contactsByChannel, long contacts, BigDecimal contactCost, BigDecimal costPerCure,
                            List<Roll> rollRates) {
    }

    /** Of the cases that entered {@code from}, how many went on to {@code to} or a later bucket. */
    public record Roll(String from, String to, long entered, long rolled, Double rate) {
    }

    static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
