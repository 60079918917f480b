package io.arrears.reminder.cases;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/** The case's history: appended to in the same transaction as every change, never edited. */
@ApplicationScoped
public class CaseTimeline implements PanacheRepositoryBase<TimelineEntry, Long> {

    private final Clock clock;

    CaseTimeline(Clock clock) {
        this.clock = clock;
    }

    public void record(String caseId, Actor actor, CaseChange change) {
        record(caseId, actor, change.kind(), change.detail());
    }

    public void record(String caseId, Actor actor, TimelineKind kind, String detail) {
        TimelineEntry entry = new TimelineEntry();
        entry.caseId = caseId;
        entry.at = OffsetDateTime.now(clock);
        entry.actor = actor.name();
        entry.actorKind = actor.kind();
        entry.kind = kind;
        entry.detail = detail;
        persist(entry);
    }

    public List<TimelineEntry> of(String caseId) {
        return list("caseId = ?1 order by id", caseId);
    }
}
