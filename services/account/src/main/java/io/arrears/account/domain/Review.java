package io.arrears.account.domain;

import io.arrears.events.MissedReason;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What an end-of-day review of one account decided: reminders of minimums falling due, a missed
 * payment to announce, a plan instalment missed (the plan is then broken), and when to look again.
 */
public record Review(
        List<AccountState.StatementMinimum> statements,
        List<String> dueSoon,
        Optional<Missed> missed,
        Optional<Obligation> brokenInstalment,
        Delinquency delinquency,
        String reportedBucket,
        Optional<LocalDate> nextReview) {

    public record Missed(Delinquency delinquency, MissedReason reason) {
    }
}
