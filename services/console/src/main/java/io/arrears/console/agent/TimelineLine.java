package io.arrears.console.agent;

import io.arrears.console.clients.Views;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One line of a case's timeline: a change the reminder service recorded, or a contact attempt as the
 * contact-channel service made it, with the guard's decision and the rule behind it. Newest first.
 */
public record TimelineLine(OffsetDateTime at, String source, String kind, String actor, String text, String channel, String status,
                           String destination, String decision, String rule) {

    public static List<TimelineLine> of(Views.CaseFile file, Views.ContactHistory contacts) {
        List<TimelineLine> lines = new ArrayList<>();
        for (Views.Event e : file.timeline()) {
            lines.add(new TimelineLine(e.at(), "case", e.kind(), e.actor(), e.detail(), null, null, null, null, null));
        }
        for (Views.Attempt a : contacts.attempts()) {
            if (!file.id().equals(a.caseId())) {
                continue;
            }
            Views.Decision last = a.decisions().isEmpty() ? null : a.decisions().get(a.decisions().size() - 1);
            OffsetDateTime at = a.finishedAt() != null ? a.finishedAt() : a.attemptedAt() != null ? a.attemptedAt() : a.createdAt();
            lines.add(new TimelineLine(at, "contact", "ATTEMPT", "contact-channel", a.templateId() + (a.reason() == null ? "" : ": " + a.reason()),
                    a.channel(), a.status(), a.destination(), last == null ? null : last.decision(), last == null ? null : last.rule()));
        }
        lines.sort(Comparator.comparing(TimelineLine::at, Comparator.nullsLast(Comparator.naturalOrder())).reversed());
        return lines;
    }
}
