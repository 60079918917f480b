package io.arrears.reminder.agent;

import io.arrears.reminder.cases.Actor;
import io.arrears.reminder.cases.TimelineEntry;
import io.arrears.reminder.cases.TimelineKind;
import io.arrears.reminder.schedule.ScheduledStep;
import io.arrears.reminder.schedule.StepRequests;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One line of a case's timeline. Most are kept as they happened in the timeline; a step's request is read off the
 * step, which holds when it fired and that it was requested, and is not kept a second time. A request line kept in
 * the timeline before that (older cases) is shown once.
 */
public record CaseEvent(OffsetDateTime at, String actor, Actor.Kind actorKind, TimelineKind kind, String detail) {

    public static List<CaseEvent> timeline(List<TimelineEntry> entries, List<ScheduledStep> steps) {
        List<CaseEvent> lines = new ArrayList<>(entries.size() + steps.size());
        Set<String> kept = new HashSet<>();
        for (TimelineEntry e : entries) {
            lines.add(new CaseEvent(e.at, e.actor, e.actorKind, e.kind, e.detail));
            if (e.kind == TimelineKind.STEP) {
                kept.add(e.detail);
            }
        }
        for (ScheduledStep step : steps) {
            if (step.status.wasRequested() && step.firedAt != null) {
                String detail = StepRequests.requestedLine(step);
                if (!kept.contains(detail)) {
                    lines.add(new CaseEvent(step.firedAt, Actor.SYSTEM.name(), Actor.SYSTEM.kind(), TimelineKind.STEP, detail));
                }
            }
        }
        // Stable: lines of one moment keep the timeline's order, a request after the changes it was made with.
        lines.sort(Comparator.comparing(line -> line.at().toInstant()));
        return lines;
    }
}
