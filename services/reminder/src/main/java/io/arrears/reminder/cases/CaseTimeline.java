package io.arrears.reminder.cases;

import io.arrears.messaging.RowsAtCommit;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The case's history: appended to in the same transaction as every change, never edited. Lines are
 * written with the transaction's other appended rows as it commits (a group of fired steps or a consumed
 * batch adds dozens), so their reference to the case is checked at commit (V9).
 */
@ApplicationScoped
public class CaseTimeline implements PanacheRepositoryBase<TimelineEntry, Long> {

    private static final String INSERT =
            "insert into case_timeline (case_id, at, actor, actor_kind, kind, detail) values (?, ?, ?, ?, ?, ?)";

    private final RowsAtCommit rows;
    private final Clock clock;

    CaseTimeline(RowsAtCommit rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    public void record(String caseId, Actor actor, CaseChange change) {
        record(caseId, actor, change.kind(), change.detail());
    }

    public void record(String caseId, Actor actor, TimelineKind kind, String detail) {
        rows.add(INSERT, caseId, OffsetDateTime.now(clock), actor.name(), actor.kind().name(), kind.name(), detail);
    }

    public List<TimelineEntry> of(String caseId) {
        rows.writeNow();
        return list("caseId = ?1 order by id", caseId);
    }
}
