package io.arrears.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Money as the REST API shows it: a decimal string at the currency's own scale ("1000.00" CNY, "500" JPY),
 * as in the events. A JSON number would let a client's float turn 0.10 into 0.1000000001, and a column's
 * scale ("0.0000") is not the currency's.
 */
public final class Amounts {

    private Amounts() {
    }

    public static String of(BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        int digits = currency == null ? amount.scale() : Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        // Stored amounts are whole minor units of their currency; rounding here only ever drops zeros.
        return amount.setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }
}
