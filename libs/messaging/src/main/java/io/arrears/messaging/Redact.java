package io.arrears.messaging;

import java.util.regex.Pattern;

/**
 * Takes personal data out of text that leaves a service's own tables: dead-letter reasons, log lines,
 * the reason a ReminderSent carries. Exception texts and provider replies quote what they were given:
 * PostgreSQL's {@code Detail: Key (email)=(li.wei@example.com) already exists}, an SMS centre's
 * "invalid destination +8613800138000". Identifiers of ours (ACC-…, PAY-…, UUIDs) stay readable.
 */
public final class Redact {

    private static final Pattern ROW_VALUES = Pattern.compile("(Detail: (?:Key|Failing row contains) ?\\([^)]*\\)(?:=\\()?)[^\\n]*");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern INTERNATIONAL_NUMBER = Pattern.compile("\\+\\d[\\d \\-]{5,18}\\d");
    private static final Pattern CN_MOBILE = Pattern.compile("(?<![\\dA-Za-z-])1[3-9]\\d{9}(?!\\d)");

    private Redact() {
    }

    public static String text(String text) {
        if (text == null) {
            return null;
        }
        String redacted = ROW_VALUES.matcher(text).replaceAll("Detail: [row values redacted]");
        redacted = EMAIL.matcher(redacted).replaceAll("[email]");
        redacted = INTERNATIONAL_NUMBER.matcher(redacted).replaceAll("[number]");
        return CN_MOBILE.matcher(redacted).replaceAll("[number]");
    }
}
