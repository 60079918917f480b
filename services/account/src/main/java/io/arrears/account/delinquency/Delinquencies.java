package io.arrears.account.delinquency;

import io.arrears.account.domain.Ageing;
import io.arrears.account.domain.Delinquency;
import io.arrears.account.ledger.Account;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Copies an assessed lateness onto the account row, which the REST view and the ageing index read. */
public final class Delinquencies {

    private Delinquencies() {
    }

    public static void record(Account account, Delinquency delinquency, boolean inPlan, String reportedBucket,
                       LocalDate asOf, Optional<LocalDate> nextReview, Ageing ageing, OffsetDateTime now) {
        account.daysPastDue = delinquency.daysPastDue();
        account.bucket = delinquency.bucket();
        account.amountOverdue = delinquency.overdue().amount();
        account.pastDueSince = delinquency.pastDueSince(ageing.policy()).orElse(null);
        account.status = inPlan ? Account.Status.IN_PLAN
                : delinquency.isPastDue() ? Account.Status.DELINQUENT : Account.Status.CURRENT;
        account.reportedBucket = reportedBucket;
        account.asOf = asOf;
        // A review that leaves a date at or before today must still make progress tomorrow.
        account.nextReviewDate = nextReview.map(d -> d.isAfter(asOf) ? d : asOf.plusDays(1)).orElse(null);
        account.updatedAt = now;
    }
}
