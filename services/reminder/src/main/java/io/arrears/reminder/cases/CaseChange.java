package io.arrears.reminder.cases;

/** What an intent of {@link CollectionCase} changed, as its timeline tells it. */
public record CaseChange(TimelineKind kind, String detail) {
}
