package io.arrears.account.calendar;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.Optional;

@ApplicationScoped
public class BusinessDayRepository implements PanacheRepositoryBase<BusinessDay, LocalDate> {

    public Optional<LocalDate> lastClosed() {
        return Optional.ofNullable(getEntityManager()
                .createQuery("select max(d.businessDate) from BusinessDay d", LocalDate.class)
                .getSingleResult());
    }

    /** The oldest closed day whose ageing has not finished; days are aged strictly in order. */
    public Optional<LocalDate> oldestNotAged() {
        return Optional.ofNullable(getEntityManager()
                .createQuery("select min(d.businessDate) from BusinessDay d where d.agedAt is null", LocalDate.class)
                .getSingleResult());
    }
}
