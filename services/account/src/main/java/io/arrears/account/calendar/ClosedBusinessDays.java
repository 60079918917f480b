package io.arrears.account.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.Optional;

/** The business days core banking has closed; the last one is "today" for every delinquency figure. */
@ApplicationScoped
public class ClosedBusinessDays {

    private final BusinessDayRepository days;

    ClosedBusinessDays(BusinessDayRepository days) {
        this.days = days;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void close(LocalDate date, java.time.OffsetDateTime at) {
        if (days.findById(date) == null) {
            BusinessDay day = new BusinessDay();
            day.businessDate = date;
            day.closedAt = at;
            days.persist(day);
        }
    }

    public Optional<LocalDate> lastClosed() {
        return days.lastClosed();
    }
}
