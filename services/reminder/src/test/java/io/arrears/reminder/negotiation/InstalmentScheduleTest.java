package io.arrears.reminder.negotiation;

import io.arrears.events.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstalmentScheduleTest {

    @Test
    void anyTotalSplitsIntoInstalmentsThatSumExactlyAndAreNeverZero() {
        Random random = new Random(20261124);
        String[] currencies = {"CNY", "USD", "JPY", "BHD"};
        for (int run = 0; run < 20_000; run++) {
            String currency = currencies[random.nextInt(currencies.length)];
            int scale = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
            int count = 1 + random.nextInt(60);
            long minorUnits = count + (long) (random.nextDouble() * (random.nextBoolean() ? 1_000 : 100_000_000));
            Money total = Money.of(BigDecimal.valueOf(minorUnits, scale), currency);

            List<InstalmentSchedule.Instalment> schedule = InstalmentSchedule.monthly(total, count, LocalDate.of(2030, 1, 31));

            assertThat(schedule).hasSize(count);
            assertThat(schedule.stream().map(InstalmentSchedule.Instalment::amount).reduce(Money.zero(total.currency()), Money::plus))
                    .as("%s in %d", total, count).isEqualTo(total);
            assertThat(schedule).allSatisfy(i -> assertThat(i.amount().isPositive()).isTrue());
            Money first = schedule.get(0).amount();
            Money last = schedule.get(count - 1).amount();
            assertThat(schedule.subList(0, count - 1)).allSatisfy(i -> assertThat(i.amount()).isEqualTo(first));
            assertThat(last.minus(first).amount().movePointRight(scale).longValueExact()).isBetween(0L, count - 1L);
        }
    }

    @Test
    void instalmentsFallMonthlyAndMonthEndsStayInTheirMonth() {
        List<InstalmentSchedule.Instalment> schedule = InstalmentSchedule.monthly(Money.of("100.00", "CNY"), 3, LocalDate.of(2030, 1, 31));

        assertThat(schedule).extracting(InstalmentSchedule.Instalment::dueDate)
                .containsExactly(LocalDate.of(2030, 1, 31), LocalDate.of(2030, 2, 28), LocalDate.of(2030, 3, 31));
        assertThat(schedule).extracting(i -> i.amount().amount().toPlainString()).containsExactly("33.33", "33.33", "33.34");
    }

    @Test
    void aTotalTooSmallForTheCountIsRefusedNamingTheField() {
        assertThatThrownBy(() -> InstalmentSchedule.monthly(Money.of("0.05", "CNY"), 6, LocalDate.of(2030, 1, 1)))
                .isInstanceOf(PlanRefused.class)
                .hasMessageContaining("cannot be split into 6")
                .extracting(e -> ((PlanRefused) e).field()).isEqualTo("instalments");
    }
}
