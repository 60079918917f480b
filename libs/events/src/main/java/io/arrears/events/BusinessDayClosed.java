package io.arrears.events;

import java.time.LocalDate;

/** Core banking's end of day: the date all ageing is measured against. */
public record BusinessDayClosed(LocalDate businessDate) implements Event {

    @Override
    public String key() {
        return businessDate.toString();
    }

    @Override
    public String subject() {
        return null;
    }
}
