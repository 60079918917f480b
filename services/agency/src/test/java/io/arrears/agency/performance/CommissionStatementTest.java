package io.arrears.agency.performance;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CommissionStatementTest {

    private static final YearMonth APRIL = YearMonth.of(2030, 4);

    @Test
    void eachBucketIsRoundedHalfUpToTheCentOnceAndTheTotalIsTheSumOfTheLines() {
        // 333.33 x 0.15 = 49.9995 -> 50.00; 1000.10 x 0.12 = 120.012 -> 120.01; 0.05 x 0.18 = 0.009 -> 0.01
        CommissionStatement s = CommissionStatement.of("east-river", APRIL, "CNY",
                Map.of("90-119", new BigDecimal("333.33"), "60-89", new BigDecimal("1000.10"), "120-179", new BigDecimal("0.05")),
                Map.of("60-89", new BigDecimal("0.12"), "90-119", new BigDecimal("0.15"), "120-179", new BigDecimal("0.18")));

        assertThat(s.lines()).extracting(CommissionStatement.Line::bucket).containsExactly("120-179", "60-89", "90-119");
        assertThat(s.lines()).extracting(l -> l.commission().toPlainString()).containsExactly("0.01", "120.01", "50.00");
        assertThat(s.collected().toPlainString()).isEqualTo("1333.48");
        assertThat(s.commission().toPlainString()).isEqualTo("170.02");
    }

    @Test
    void manySmallPaymentsInOneBucketAreSummedBeforeTheRateSoNoCentIsLostToRounding() {
        // 3 payments of 0.10 at 0.15: per payment 0.015 would round to 0.02 each (0.06); on the sum 0.30 x 0.15 = 0.045 -> 0.05.
        BigDecimal collected = new BigDecimal("0.10").add(new BigDecimal("0.10")).add(new BigDecimal("0.10"));
        CommissionStatement s = CommissionStatement.of("north-star", APRIL, "CNY", Map.of("60-89", collected), Map.of("60-89", new BigDecimal("0.15")));
        assertThat(s.commission().toPlainString()).isEqualTo("0.05");
    }

    @Test
    void aBucketOutsideTheContractEarnsNothingAndAnEmptyMonthIsZero() {
        CommissionStatement s = CommissionStatement.of("east-river", APRIL, "CNY", Map.of("180+", new BigDecimal("500.00")),
                Map.of("60-89", new BigDecimal("0.12")));
        assertThat(s.lines()).singleElement().satisfies(l -> {
            assertThat(l.rate()).isEqualByComparingTo("0");
            assertThat(l.commission().toPlainString()).isEqualTo("0.00");
        });
        assertThat(CommissionStatement.of("east-river", APRIL, "CNY", Map.of(), Map.of()).commission().toPlainString()).isEqualTo("0.00");
    }
}
