package io.arrears.account.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.Optional;

/** The business days core banking has closed; the last one is "today" for every delinquency figure. */
@ApplicationScoped
public class ClosedBusinessDays {

    private final BusinessDayRepository days;
    private final TransactionSynchronizationRegistry transaction;

    ClosedBusinessDays(BusinessDayRepository days, TransactionSynchronizationRegistry transaction) {
        this.days = days;
        this.transaction = transaction;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void close(LocalDate date, java.time.OffsetDateTime at) {
        if (days.findById(date) == null) {
            BusinessDay day = new BusinessDay();
            day.businessDate = date;
            day.closedAt = at;
            days.persist(day);
            if (transaction.getTransactionKey() != null) {
                transaction.putResource(LastClosed.class, new LastClosed(null));
            }
        }
    }

    /**
     * Asked once per transaction: a consumed batch of statements or payments reassesses every account as of the
     * same day, and only closing a day (which this transaction then does itself) changes the answer.
     */
    public Optional<LocalDate> lastClosed() {
        if (transaction.getTransactionKey() == null) {
            return days.lastClosed();
        }
        LastClosed known = (LastClosed) transaction.getResource(LastClosed.class);
        if (known == null || known.day() == null) {
            known = new LastClosed(days.lastClosed());
            transaction.putResource(LastClosed.class, known);
        }
        return known.day();
    }

    /** {@code day} null: to be asked (again). */
    private record LastClosed(Optional<LocalDate> day) {
    }
}
