package io.arrears.account.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What a payment changed: paid minimums and instalments, lateness before and after, a completed plan. */
public record PaymentEffect(
        List<AccountState.StatementMinimum> statements,
        List<Obligation> instalments,
        Delinquency before,
        Delinquency after,
        boolean planCompleted,
        String reportedBucket,
        Optional<LocalDate> nextReview) {

    public boolean cured() {
        return before.isPastDue() && !after.isPastDue();
    }
}
