package io.arrears.local.demo;

import io.arrears.local.demo.Population.Holder;
import io.arrears.local.demo.Population.Payer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class PopulationTest {

    private final List<Holder> book = Population.draw(10_000, 42);

    @Test
    void theSameSeedDrawsTheSameBookAndAnotherSeedAnother() {
        assertThat(Population.draw(10_000, 42)).isEqualTo(book);
        assertThat(Population.draw(10_000, 43)).isNotEqualTo(book);
    }

    @Test
    void mixesPayersAsATypicalCardBookDoes() {
        Map<Payer, Long> mix = book.stream().collect(Collectors.groupingBy(Holder::payer, Collectors.counting()));
        assertThat(mix.get(Payer.ON_TIME)).isBetween(5_900L, 6_500L);
        assertThat(mix.get(Payer.LATE)).isBetween(1_400L, 1_800L);
        assertThat(mix.get(Payer.PARTIAL)).isBetween(800L, 1_200L);
        assertThat(mix.get(Payer.NEVER)).isBetween(1_000L, 1_400L);
    }

    @Test
    void givesEveryChannelItsCasesButNeverAContactPointThatIsNotTheHolders() {
        assertThat(book).filteredOn(h -> h.phone() == null && h.email() == null).hasSizeBetween(300, 500);
        assertThat(book).filteredOn(h -> !h.atHome()).hasSizeBetween(200, 400);
        assertThat(book).filteredOn(h -> !h.smsConsent()).hasSizeBetween(100, 300);
        assertThat(book).filteredOn(h -> h.minimumDue().compareTo(new BigDecimal("20000")) >= 0).hasSizeBetween(400, 600);
        assertThat(book.stream().map(Holder::phone).filter(p -> p != null).collect(Collectors.toSet()))
                .as("no two cardholders share a phone").hasSizeGreaterThan(9_300);
        assertThat(book.stream().collect(Collectors.toMap(Holder::accountId, Function.identity()))).hasSize(10_000);
    }

    @Test
    void partialPayersPayLessThanTheMinimumAndTheOthersAllOfIt() {
        for (Holder h : book) {
            assertThat(h.minimumDue()).isPositive();
            if (h.payer() == Payer.PARTIAL) {
                assertThat(h.payAmount()).isPositive().isLessThan(h.minimumDue());
            } else {
                assertThat(h.payAmount()).isEqualByComparingTo(h.minimumDue());
            }
            assertThat(h.dueOffset()).isBetween(1, 10);
        }
    }
}
