package io.arrears.account.service;

import io.arrears.account.repository.Account;
import io.arrears.account.repository.RepaymentPlanRepository;
import io.arrears.account.repository.StatementRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class AccountLoader {

    private final StatementRepository statements;
    private final RepaymentPlanRepository plans;

    AccountLoader(StatementRepository statements, RepaymentPlanRepository plans) {
        this.statements = statements;
        this.plans = plans;
    }

    /** The account must already be locked by the caller. */
    LoadedAccount load(Account account) {
        return LoadedAccount.of(account, statements.unpaid(account.id), plans.active(account.id));
    }
}
