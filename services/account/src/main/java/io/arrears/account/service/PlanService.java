package io.arrears.account.service;

import io.arrears.account.repository.Account;
import io.arrears.account.repository.AccountRepository;
import io.arrears.account.repository.Instalment;
import io.arrears.account.repository.RepaymentPlan;
import io.arrears.account.repository.RepaymentPlanRepository;
import io.arrears.events.Money;
import io.arrears.events.PlanAgreed;
import io.arrears.messaging.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.Optional;

/** Puts an agreed repayment plan in force; a newer plan supersedes the one before it. */
@ApplicationScoped
public class PlanService {

    private final AccountRepository accounts;
    private final RepaymentPlanRepository plans;
    private final AccountLoader loader;

    PlanService(AccountRepository accounts, RepaymentPlanRepository plans, AccountLoader loader) {
        this.accounts = accounts;
        this.plans = plans;
        this.loader = loader;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome record(PlanAgreed agreed) {
        Account account = accounts.lockById(agreed.accountId()).orElse(null);
        if (account == null) {
            return Outcome.rejected("plan " + agreed.planId() + " is for unknown account " + agreed.accountId());
        }
        Optional<Outcome> rejected = AccountLoader.rejectOtherCurrency(account, agreed.currency());
        if (rejected.isPresent()) {
            return rejected.get();
        }
        if (plans.findById(agreed.planId()) != null) {
            return Outcome.applied();
        }
        plans.active(account.id).ifPresent(previous -> {
            previous.status = RepaymentPlan.Status.SUPERSEDED;
            previous.endedOn = agreed.agreedAt().toLocalDate();
        });
        RepaymentPlan plan = new RepaymentPlan();
        plan.id = agreed.planId();
        plan.accountId = account.id;
        plan.caseId = agreed.caseId();
        plan.type = agreed.type();
        plan.status = RepaymentPlan.Status.ACTIVE;
        plan.currency = agreed.currency();
        plan.waivedInterest = agreed.waivedInterest();
        plan.waivedFees = agreed.waivedFees();
        plan.agreedBy = agreed.agreedBy();
        plan.agreedAt = agreed.agreedAt();
        int seq = 1;
        for (PlanAgreed.Instalment agreedInstalment : agreed.instalments()) {
            Instalment instalment = new Instalment();
            instalment.id = plan.id + "#" + seq;
            instalment.plan = plan;
            instalment.seq = seq++;
            instalment.dueDate = agreedInstalment.dueDate();
            instalment.amount = Money.of(agreedInstalment.amount(), agreed.currency()).amount();
            instalment.paid = BigDecimal.ZERO;
            plan.instalments.add(instalment);
        }
        plans.persist(plan);

        loader.reassess(account, agreed.agreedAt().toLocalDate());
        return Outcome.applied();
    }
}
