package io.arrears.reminder.schedule;

public record DueStep(String id, String accountId) {
}
