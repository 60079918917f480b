package io.arrears.reminder.negotiation;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromisePolicyTest {

    static final LocalDate TODAY = LocalDate.of(2030, 3, 1);
    final PromisePolicy policy = new PromisePolicy(30);

    @Test
    void aPromiseWithinTheHorizonInTheCasesCurrencyIsTaken() {
        assertThat(policy.check(new BigDecimal("300.5"), TODAY, "CNY", TODAY).amount()).isEqualByComparingTo("300.50");
        assertThat(policy.check(new BigDecimal("1"), TODAY.plusDays(30), "CNY", TODAY).isPositive()).isTrue();
    }

    @Test
    void eachRefusalNamesTheFieldAtFault() {
        assertRefused(null, TODAY, "CNY", "promisedAmount", "is required for PROMISE_TO_PAY");
        assertRefused(new BigDecimal("10"), null, "CNY", "promisedDate", "is required for PROMISE_TO_PAY");
        assertRefused(new BigDecimal("10.001"), TODAY, "CNY", "promisedAmount", "has more decimals than CNY allows");
        assertRefused(new BigDecimal("10.5"), TODAY, "JPY", "promisedAmount", "has more decimals than JPY allows");
        assertRefused(BigDecimal.ZERO, TODAY, "CNY", "promisedAmount", "must be more than zero");
        assertRefused(new BigDecimal("10"), TODAY.minusDays(1), "CNY", "promisedDate", "must be between today, 2030-03-01, and 2030-03-31");
        assertRefused(new BigDecimal("10"), TODAY.plusDays(31), "CNY", "promisedDate", "must be between today, 2030-03-01, and 2030-03-31");
    }

    private void assertRefused(BigDecimal amount, LocalDate date, String currency, String field, String message) {
        assertThatThrownBy(() -> policy.check(amount, date, currency, TODAY)).isInstanceOfSatisfying(PlanRefused.class, refused -> {
            assertThat(refused.field()).isEqualTo(field);
            assertThat(refused.getMessage()).isEqualTo(message);
        });
    }
}
