package io.arrears.complaint.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/** Working days: Monday to Friday, less the configured public holidays, plus any configured make-up working days. */
public final class BusinessCalendar {

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workingWeekends;

    public BusinessCalendar(Set<LocalDate> holidays, Set<LocalDate> workingWeekends) {
        this.holidays = Set.copyOf(holidays);
        this.workingWeekends = Set.copyOf(workingWeekends);
    }

    public boolean isBusinessDay(LocalDate day) {
        if (workingWeekends.contains(day)) {
            return true;
        }
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        return !weekend && !holidays.contains(day);
    }

    /** The {@code n}th business day after {@code from} (not counting {@code from} itself). */
    public LocalDate plusBusinessDays(LocalDate from, int n) {
        LocalDate day = from;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
