package io.arrears.contact.template;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a template sees as {@code d}: the reminder's facts, the cardholder's name and how to pay.
 * {@code d.cardLast4} is there only when core banking sent the card's last four digits with the
 * statement; a template then names "the card ending 1234", otherwise "your credit card". Digits are
 * never made up from the account id, which is not a number the cardholder knows.
 */
public final class NoticeData {

    private NoticeData() {
    }

    private static final Pattern LAST_FOUR = Pattern.compile("[0-9]{4}");

    public static Map<String, Object> of(Map<String, ?> facts, String name, PaymentMethods pay) {
        Map<String, Object> data = new HashMap<>(facts);
        data.put("name", name == null || name.isBlank() ? "Cardholder" : name);
        // Present but null when unknown, so that a template's {#if d.cardLast4} reads it as false.
        boolean known = facts.get("cardLast4") instanceof String last4 && LAST_FOUR.matcher(last4).matches();
        data.put("cardLast4", known ? facts.get("cardLast4") : null);
        data.put("pay", pay.asMap());
        return data;
    }

    /** Facts with every key a shipped template uses, to render each template at start-up. */
    public static Map<String, Object> sample() {
        Map<String, Object> facts = new HashMap<>();
        facts.put("caseId", "CASE-SAMPLE");
        facts.put("cardLast4", "4321");
        facts.put("currency", "CNY");
        facts.put("amountOverdue", "261.52");
        facts.put("minimumDue", "261.52");
        facts.put("totalBalance", "5230.40");
        facts.put("dueDate", "2026-10-30");
        facts.put("daysPastDue", "35");
        facts.put("bucket", "30-59");
        facts.put("promisedAmount", "300.00");
        facts.put("promisedDate", "2026-11-20");
        facts.put("planId", "PLAN-SAMPLE");
        facts.put("instalmentNumber", "2");
        facts.put("instalmentAmount", "100.00");
        facts.put("instalmentDueDate", "2026-12-20");
        facts.put("total", "300.00");
        facts.put("instalmentCount", "3");
        facts.put("firstAmount", "100.00");
        facts.put("firstDueDate", "2026-11-20");
        facts.put("instalments", List.of(
                Map.of("number", 1, "dueDate", "2026-11-20", "amount", "100.00"),
                Map.of("number", 2, "dueDate", "2026-12-20", "amount", "100.00"),
                Map.of("number", 3, "dueDate", "2027-01-20", "amount", "100.00")));
        return facts;
    }

    /** How to pay in each language, as configured under {@code contact.payment.*}. */
    public record Payment(Map<String, PaymentMethods> byLanguage, String defaultLanguage) {

        public PaymentMethods in(String language) {
            return byLanguage.getOrDefault(language, byLanguage.get(defaultLanguage));
        }
    }

    /** How to pay in one language. */
    public record PaymentMethods(String bankTransfer, String onlineBanking, List<String> wallets) {

        Map<String, Object> asMap() {
            return Map.of("bankTransfer", bankTransfer, "onlineBanking", onlineBanking, "wallets", String.join(", ", wallets));
        }
    }
}
