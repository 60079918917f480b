package io.arrears.events;

import java.time.LocalDate;

public record PlanCompleted(String planId, String accountId, LocalDate completedOn) implements Event {

    @Override
    public String key() {
        return accountId;
    }
}
