package io.arrears.complaint.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The service levels of complaint handling: acknowledge by the end of the {@code acknowledgeBusinessDays}th
 * business day after receipt, resolve by the end of the {@code resolveCalendarDays}th calendar day,
 * both in the bank's own time zone.
 */
public record SlaPolicy(int acknowledgeBusinessDays, int resolveCalendarDays, BusinessCalendar calendar, ZoneId zone) {

    public Instant acknowledgeDue(Instant received) {
        return endOf(calendar.plusBusinessDays(received.atZone(zone).toLocalDate(), acknowledgeBusinessDays));
    }

    public Instant resolveDue(Instant received) {
        return endOf(received.atZone(zone).toLocalDate().plusDays(resolveCalendarDays));
    }

    private Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
