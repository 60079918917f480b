package io.arrears.account.domain;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * What ageing needs to know of an account: its statement minimums, the bucket last announced in a
 * PaymentMissed, and the repayment plan in force, if any.
 */
public record AccountState(
        Currency currency,
        List<StatementMinimum> statements,
        String reportedBucket,
        Optional<ActivePlan> plan) {

    public List<Obligation> minimums() {
        return statements.stream().map(StatementMinimum::minimum).toList();
    }

    public AccountState withStatements(List<StatementMinimum> statements) {
        return new AccountState(currency, statements, reportedBucket, plan);
    }

    /** A statement's minimum payment and whether its due-soon reminder has been asked for. */
    public record StatementMinimum(Obligation minimum, LocalDate statementDate, boolean dueSoonAnnounced) {

        public StatementMinimum with(Obligation minimum) {
            return new StatementMinimum(minimum, statementDate, dueSoonAnnounced);
        }

        public StatementMinimum announced() {
            return new StatementMinimum(minimum, statementDate, true);
        }
    }

    public record ActivePlan(String planId, LocalDate agreedOn, List<Obligation> instalments) {

        public boolean isPaidInFull() {
            return instalments.stream().allMatch(Obligation::isSettled);
        }
    }
}
