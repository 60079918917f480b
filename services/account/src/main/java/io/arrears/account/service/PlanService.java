package io.arrears.account.service;

import io.arrears.account.domain.Ageing;
import io.arrears.account.domain.Delinquency;
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
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Currency;

/** Puts an agreed repayment plan in force; a newer plan supersedes the one before it. */
@ApplicationScoped
public class PlanService {

    private final AccountRepository accounts;
    private final RepaymentPlanRepository plans;
    private final AccountLoader loader;
    private final BusinessCalendar calendar;
    private final Ageing ageing;
    private final Clock clock;

    PlanService(AccountRepository accounts, RepaymentPlanRepository plans, AccountLoader loader,
                BusinessCalendar calendar, Ageing ageing, Clock clock) {
        this.accounts = accounts;
        this.plans = plans;
        this.loader = loader;
        this.calendar = calendar;
        this.ageing = ageing;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome record(PlanAgreed agreed) {
        Account account = accounts.lockById(agreed.accountId()).orElse(null);
        if (account == null) {
            return Outcome.rejected("plan " + agreed.planId() + " is for unknown account " + agreed.accountId());
        }
        if (!account.currency.equals(agreed.currency())) {
            return Outcome.rejected("currency " + agreed.currency() + " does not match account " + account.id
                    + " currency " + account.currency);
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

        LocalDate asOf = calendar.lastClosed().orElse(agreed.agreedAt().toLocalDate());
        LoadedAccount loaded = loader.load(account);
        Delinquency delinquency = Delinquency.assess(loaded.state().minimums(), asOf, ageing.policy(),
                Currency.getInstance(account.currency));
        Delinquencies.record(account, delinquency, true, account.reportedBucket, asOf,
                ageing.nextReview(loaded.state(), asOf), ageing, OffsetDateTime.now(clock));
        return Outcome.applied();
    }
}
