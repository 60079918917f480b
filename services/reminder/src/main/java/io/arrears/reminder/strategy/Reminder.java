package io.arrears.reminder.strategy;

import io.arrears.events.Channel;

/** A courtesy reminder sent {@code daysBefore} a date the cardholder agreed to (an instalment, a promise). */
public record Reminder(int daysBefore, Channel channel, String templateId) {
}
