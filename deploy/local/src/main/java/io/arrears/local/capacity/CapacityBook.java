package io.arrears.local.capacity;

import io.arrears.events.CustomerUpdated;
import io.arrears.events.PaymentPosted;
import io.arrears.events.StatementIssued;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The cardholders of a capacity run: every one at home in the bank's zone, reachable by SMS and email,
 * with a statement. A share of them fall due on one day and miss it together, as a statement cycle does;
 * the rest fall due later and stay quiet. Deterministic, so two runs of the same size load the same book.
 *
 * @param series the measured book's or the warm-up's: its account and customer ids, phone numbers and
 *               mailboxes are its own, so the two books share no cardholder and no contact point
 */
record CapacityBook(Series series, int accounts, double dueShare, LocalDate dueDay) {

    static final String ZONE = "Asia/Shanghai";

    enum Series {
        MEASURED("CAP", "+86138", "holder"), WARM_UP("WARM", "+86139", "warm");

        private final String prefix;
        private final String phonePrefix;
        private final String mailbox;

        Series(String prefix, String phonePrefix, String mailbox) {
            this.prefix = prefix;
            this.phonePrefix = phonePrefix;
            this.mailbox = mailbox;
        }
    }

    CapacityBook {
        if (accounts < 1) {
            throw new IllegalArgumentException("--accounts must be at least 1");
        }
        if (dueShare <= 0 || dueShare > 1) {
            throw new IllegalArgumentException("--due-share must be above 0 and at most 1");
        }
    }

    /** How many accounts fall due on {@link #dueDay}, and so miss it. */
    int dueCount() {
        return (int) Math.round(accounts * dueShare);
    }

    boolean fallsDue(int n) {
        // Spread through the book rather than the first k, so every partition gets its share of the burst.
        return Math.floor(n * dueShare) != Math.floor((n - 1) * dueShare);
    }

    String accountId(int n) {
        return String.format("%s-%08d", series.prefix, n);
    }

    CustomerUpdated customer(int n) {
        String account = accountId(n);
        return new CustomerUpdated(customerId(n), List.of(account), "Holder " + n,
                List.of(new CustomerUpdated.Phone(String.format("%s%08d", series.phonePrefix, n), "MOBILE", true)),
                String.format("%s%08d@example.cn", series.mailbox, n),
                new CustomerUpdated.PostalAddress(List.of(n + " Nanjing Road"), "Shanghai", "200001", null, "CN"),
                n % 5 == 0 ? "en" : "zh-CN", ZONE, List.of(), false);
    }

    StatementIssued statement(int n) {
        LocalDate due = fallsDue(n) ? dueDay : dueDay.plusDays(17);
        BigDecimal balance = balance(n);
        BigDecimal minimum = balance.divide(BigDecimal.TEN, 2, java.math.RoundingMode.HALF_UP).max(new BigDecimal("100.00"));
        return new StatementIssued(accountId(n), customerId(n), "ST-" + accountId(n) + "-" + due, due.minusDays(25), due,
                balance, minimum, "CNY", "CLASSIC", String.format("%04d", n % 10_000));
    }

    /** The whole statement balance paid, which leaves nothing overdue: the account's case closes as PAID. */
    PaymentPosted payment(int n, OffsetDateTime postedAt) {
        return new PaymentPosted(accountId(n), "PAY-" + accountId(n), balance(n), "CNY", postedAt, "BANK_TRANSFER");
    }

    private static BigDecimal balance(int n) {
        return BigDecimal.valueOf(3_000 + (n * 37L) % 40_000, 0).add(BigDecimal.valueOf(n % 100, 2));
    }

    private String customerId(int n) {
        return String.format("%s-CUS-%08d", series.prefix, n);
    }
}
