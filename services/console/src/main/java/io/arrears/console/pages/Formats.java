package io.arrears.console.pages;

import io.quarkus.qute.TemplateExtension;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How values read on a page: times in the bank's zone, ids shortened, message keys built from codes. */
@TemplateExtension
public final class Formats {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final ZoneId ZONE = ZoneId.of(ConfigProvider.getConfig().getValue("console.zone", String.class));

    private Formats() {
    }

    /** A time as the bank's staff read it, in the bank's zone. */
    static String local(OffsetDateTime time) {
        return time == null ? null : MINUTES.format(time.atZoneSameInstant(ZONE));
    }

    /** An id as a screen shows it: see {@link ShortIds}. */
    static String shortId(String id) {
        return ShortIds.of(id);
    }

    /** The message key for a code: {@code "OPEN".key("state")} is {@code state_OPEN}. */
    static String key(String code, String prefix) {
        return prefix + "_" + code;
    }

    static int plus(Integer value, int more) {
        return value + more;
    }

    static int minus(Integer value, int less) {
        return value - less;
    }

    /** A rate as a percentage with one decimal, or a dash when there is nothing to divide by. */
    static String percent(Double rate) {
        return rate == null ? "—" : String.format("%.1f%%", rate * 100);
    }
}
