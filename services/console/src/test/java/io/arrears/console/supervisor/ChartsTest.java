package io.arrears.console.supervisor;

import io.arrears.console.clients.Views;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChartsTest {

    @Test
    void aCrosstabPutsEveryCountInItsRowAndColumnWithTotals() {
        Crosstab t = Crosstab.of(List.of(new Views.Tally("1-29", "OPEN", 5), new Views.Tally("1-29", "IN_PLAN", 2),
                new Views.Tally("30-59", "OPEN", 1)));
        assertThat(t.columns()).containsExactly("OPEN", "IN_PLAN");
        assertThat(t.rows()).extracting(Crosstab.Row::label).containsExactly("1-29", "30-59");
        assertThat(t.rows().get(1).cells()).containsExactly(1L, 0L);
        assertThat(t.columnTotals()).containsExactly(6L, 2L);
        assertThat(t.total()).isEqualTo(8);
    }

    @Test
    void barsAreSharesOfTheLargestAndAMissingRateIsADashNotAZero() {
        Bars counts = Bars.byKey(List.of(new Views.Tally("promise", "KEPT", 3), new Views.Tally("promise", "BROKEN", 6)));
        assertThat(counts.bars()).extracting(Bars.Bar::percent).containsExactly(50.0, 100.0);
        Bars rates = Bars.ofRates(List.of("champion · standard", "challenger · standard"), Arrays.asList(0.25, null));
        assertThat(rates.bars()).extracting(Bars.Bar::value).containsExactly("25.0%", "—");
        assertThat(rates.bars()).extracting(Bars.Bar::tone).containsExactly("champion", "challenger");
        Bars cost = Bars.ofAmounts(List.of("champion · standard", "challenger · standard"),
                Arrays.asList(new BigDecimal("2.00"), new BigDecimal("1.00")), "CNY");
        assertThat(cost.bars()).extracting(Bars.Bar::percent).containsExactly(100.0, 50.0);
        assertThat(cost.bars().get(0).value()).isEqualTo("2.00 CNY");
    }
}
