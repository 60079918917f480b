package io.arrears.local.capacity;

import io.arrears.events.CustomerUpdated;
import io.arrears.events.StatementIssued;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The cardholders of a capacity run: every one at home in the bank's zone, reachable by SMS and email,
 * with a statement. A share of them fall due on one day and miss it together, as a statement cycle does;
 * the rest fall due later and stay quiet. Deterministic, so two runs of the same size load the same book.
 */
record CapacityBook(int accounts, double dueShare, LocalDate dueDay) {

    static final String ZONE = "Asia/Shanghai";

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

    static String accountId(int n) {
        return String.format("CAP-%08d", n);
    }

    CustomerUpdated customer(int n) {
        String account = accountId(n);
        return new CustomerUpdated(customerId(n), List.of(account), "Holder " + n,
                List.of(new CustomerUpdated.Phone(String.format("+86138%08d", n), "MOBILE", true)),
                String.format("holder%08d@example.cn", n),
                new CustomerUpdated.PostalAddress(List.of(n + " Nanjing Road"), "Shanghai", "200001", null, "CN"),
                n % 5 == 0 ? "en" : "zh-CN", ZONE, List.of(), false);
    }

    StatementIssued statement(int n) {
        LocalDate due = fallsDue(n) ? dueDay : dueDay.plusDays(17);
        BigDecimal balance = BigDecimal.valueOf(3_000 + (n * 37L) % 40_000, 0).add(BigDecimal.valueOf(n % 100, 2));
        BigDecimal minimum = balance.divide(BigDecimal.TEN, 2, java.math.RoundingMode.HALF_UP).max(new BigDecimal("100.00"));
        return new StatementIssued(accountId(n), customerId(n), "ST-" + accountId(n) + "-" + due, due.minusDays(25), due,
                balance, minimum, "CNY", "CLASSIC", String.format("%04d", n % 10_000));
    }

    private static String customerId(int n) {
        return String.format("CUS-%08d", n);
    }
}
