package io.arrears.rules;

import java.time.Duration;
import java.time.LocalTime;

/**
 * What a jurisdiction's rules fix, beside what the bank configures inside them. The configured contact
 * window must lie within the lawful hours; the call limits apply as the rule states them.
 *
 * @param lawfulFrom                     earliest local time the law allows a collection contact
 * @param lawfulUntil                    latest local time it allows one (exclusive)
 * @param unansweredCallsPerNumberPerDay calls a day that may go unanswered at one number before calling it stops; 0: no such rule
 * @param conversationsPerDebtorPerDay   effective (answered) calls a day with one debtor; 0: no such rule
 * @param quietAfterConversation         no call to the debt for this long after a conversation about it; ZERO: no such rule
 * @param optOutInEveryMessage           every email and text must tell the cardholder how to opt out
 */
public record StatutoryRules(LocalTime lawfulFrom, LocalTime lawfulUntil, int unansweredCallsPerNumberPerDay,
                             int conversationsPerDebtorPerDay, Duration quietAfterConversation, boolean optOutInEveryMessage) {

    /** No rule beyond what the pack configures. */
    public static final StatutoryRules NONE = new StatutoryRules(LocalTime.MIN, LocalTime.MAX, 0, 0, Duration.ZERO, false);

    /**
     * China: the China Banking Association's guideline on collecting personal consumer loans (January 2026)
     * and the 2025 national standard on post-loan collection for online consumer credit: no collection
     * contact 22:00-08:00, at most 6 unanswered calls a day to one number, at most 3 effective calls a day
     * with one debtor.
     */
    public static final StatutoryRules CN = new StatutoryRules(LocalTime.of(8, 0), LocalTime.of(22, 0), 6, 3, Duration.ZERO, false);

    /**
     * United States, Regulation F (12 CFR 1006): 08:00-21:00 local (1006.6(b)(1)(i)); no call within 7 days
     * after a telephone conversation about the debt (1006.14(b)(2)(ii)); the 7 calls in 7 days of
     * 1006.14(b)(2)(i) are the pack's voice cap; a simple opt-out in every email and text (1006.6(e)).
     */
    public static final StatutoryRules US_REG_F = new StatutoryRules(LocalTime.of(8, 0), LocalTime.of(21, 0), 0, 0, Duration.ofDays(7), true);

    public static StatutoryRules of(String pack) {
        return switch (pack) {
            case "cn" -> CN;
            case "us-reg-f" -> US_REG_F;
            default -> NONE;
        };
    }
}
