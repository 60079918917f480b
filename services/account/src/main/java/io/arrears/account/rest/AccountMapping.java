package io.arrears.account.rest;

import io.arrears.web.Amounts;
import io.arrears.account.ledger.Account;
import io.arrears.account.delinquency.AccountQueries;

final class AccountMapping {

    private AccountMapping() {
    }

    static AccountView view(AccountQueries.Found found) {
        Account a = found.account();
        AccountView.Plan plan = found.plan().map(p -> new AccountView.Plan(p.id, p.caseId, p.type, p.status.name(),
                Amounts.of(p.waivedInterest, p.currency), Amounts.of(p.waivedFees, p.currency), Amounts.of(p.writtenOff, p.currency),
                p.agreedBy, p.agreedAt, p.endedOn, p.instalments.stream()
                        .map(i -> new AccountView.Instalment(i.seq, i.dueDate, Amounts.of(i.amount, p.currency), Amounts.of(i.paid, p.currency)))
                        .toList())).orElse(null);
        return new AccountView(a.id, a.customerId, a.currency, a.status.name(), found.daysPastDue(), a.bucket, a.pastDueSince,
                Amounts.of(a.amountOverdue, a.currency), Amounts.of(a.totalBalance, a.currency), a.asOf, a.nextReviewDate, plan);
    }

    static AccountSummary summary(AccountQueries.Found found) {
        Account a = found.account();
        return new AccountSummary(a.id, a.customerId, a.status.name(), a.bucket, found.daysPastDue(), Amounts.of(a.amountOverdue, a.currency),
                a.currency);
    }
}
