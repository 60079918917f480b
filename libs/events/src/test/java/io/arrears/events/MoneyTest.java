package io.arrears.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({"10.5, CNY, 10.50", "7, EUR, 7.00", "1200, JPY, 1200", "0.1, USD, 0.10"})
    void scaleFollowsTheCurrencyMinorUnit(String amount, String currency, String expected) {
        assertThat(Money.of(amount, currency).amount().toPlainString()).isEqualTo(expected);
    }

    @Test
    void sameAmountWithDifferentWritingIsEqual() {
        assertThat(Money.of("10.5", "CNY")).isEqualTo(Money.of("10.50", "CNY"));
    }

    @Test
    void moreDigitsThanTheCurrencyHasIsRejectedNotRounded() {
        assertThatThrownBy(() -> Money.of("10.005", "CNY")).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void arithmeticAcrossCurrenciesIsRefused() {
        assertThatThrownBy(() -> Money.of("1", "CNY").plus(Money.of("1", "USD")))
                .isInstanceOf(Money.CurrencyMismatchException.class)
                .hasMessageContaining("USD");
    }

    @Test
    void arithmetic() {
        Money a = Money.of("100.00", "EUR");
        Money b = Money.of("30.25", "EUR");
        assertThat(a.minus(b)).isEqualTo(Money.of("69.75", "EUR"));
        assertThat(a.plus(b)).isEqualTo(Money.of("130.25", "EUR"));
        assertThat(a.min(b)).isEqualTo(b);
        assertThat(b.minus(a).isPositive()).isFalse();
    }
}
