package io.arrears.reminder.reports;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Where collections stand now, for a supervisor's dashboard: every figure counted by the service from its own rows.
 *
 * @param cases      open cases by bucket and state (closed cases by their reason, under bucket "closed")
 * @param reminders  reminders by channel and their latest outcome
 * @param promises   promises by status
 * @param plans      plans by status
 * @param escalations open cases by where they were escalated to
 */
public record OperationsFigures(OffsetDateTime asOf, List<Tally> cases, List<Tally> reminders, List<Tally> promises,
                                List<Tally> plans, List<Tally> escalations, long waitingApprovals) {

    /** One count: {@code group} and {@code key} name it (bucket and state, channel and status, or a status alone). */
    public record Tally(String group, String key, long count) {
    }
}
