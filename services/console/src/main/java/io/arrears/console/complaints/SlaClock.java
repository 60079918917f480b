package io.arrears.console.complaints;

import io.arrears.console.clients.Views;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The SLA that applies to a complaint now (acknowledge, then resolve) and how long is left, or how long
 * ago it passed. The deadlines are the complaint service's; this only measures the time to them.
 */
public record SlaClock(String stage, OffsetDateTime due, boolean breached, String remaining) {

    static SlaClock of(Views.ComplaintSummary c, OffsetDateTime now) {
        return of(c.state(), c.acknowledgeDue(), c.resolveDue(), c.slaBreached(), now);
    }

    static SlaClock of(Views.Complaint c, OffsetDateTime now) {
        return of(c.state(), c.acknowledgeDue(), c.resolveDue(), c.ackBreachedAt() != null || c.resolveBreachedAt() != null, now);
    }

    private static SlaClock of(String state, OffsetDateTime acknowledgeDue, OffsetDateTime resolveDue, boolean breachedBefore,
                               OffsetDateTime now) {
        if ("RESOLVED".equals(state)) {
            return new SlaClock("done", null, breachedBefore, "");
        }
        boolean acknowledging = "RECEIVED".equals(state);
        OffsetDateTime due = acknowledging ? acknowledgeDue : resolveDue;
        if (due == null) {
            return new SlaClock(acknowledging ? "acknowledge" : "resolve", null, breachedBefore, "");
        }
        Duration left = Duration.between(now, due);
        return new SlaClock(acknowledging ? "acknowledge" : "resolve", due, breachedBefore || left.isNegative(), human(left));
    }

    /** "2d 4h" or "-3h 10m": days and hours, or hours and minutes under a day. */
    static String human(Duration d) {
        String sign = d.isNegative() ? "-" : "";
        Duration a = d.abs();
        if (a.toDays() > 0) {
            return sign + a.toDays() + "d " + a.toHoursPart() + "h";
        }
        return sign + a.toHours() + "h " + a.toMinutesPart() + "m";
    }
}
