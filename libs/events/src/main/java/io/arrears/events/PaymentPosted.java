package io.arrears.events;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** Core banking posted a payment to a card account. */
public record PaymentPosted(
        String accountId,
        String paymentId,
        BigDecimal amount,
        String currency,
        OffsetDateTime postedAt,
        String channel) implements Event {

    @Override
    public String key() {
        return accountId;
    }

    public Money money() {
        return Money.of(amount, currency);
    }
}
