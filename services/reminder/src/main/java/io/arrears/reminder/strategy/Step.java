package io.arrears.reminder.strategy;

import java.util.Objects;

/**
 * One rung of a ladder: on day {@code day} past due, do {@code channel} with template {@code templateId}.
 * Written in configuration as {@code "<day> <CHANNEL> <template-id>"}, e.g. {@code "5 VOICE overdue-call"}.
 */
public record Step(int day, StepChannel channel, String templateId) {

    public Step {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(templateId, "templateId");
    }

    static Step parse(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 3) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not '<day> <CHANNEL> <template-id>'");
        }
        int day;
        try {
            day = Integer.parseInt(parts[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text.trim() + "': day '" + parts[0] + "' is not a whole number");
        }
        return new Step(day, StrategyText.channel(parts[1], text.trim()), StrategyText.templateId(parts[2], text.trim()));
    }

    @Override
    public String toString() {
        return day + " " + channel + " " + templateId;
    }
}
