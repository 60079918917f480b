package io.arrears.account.plans;

import io.arrears.account.delinquency.AccountLoader;
import io.arrears.account.delinquency.AccountEvents;
import io.arrears.account.domain.PlanCover;
import io.arrears.account.ledger.Account;
import io.arrears.account.ledger.AccountRepository;
import io.arrears.account.ledger.Instalment;
import io.arrears.account.ledger.AccountPlan;
import io.arrears.account.ledger.AccountPlanRepository;
import io.arrears.events.Money;
import io.arrears.events.PlanAgreed;
import io.arrears.events.PlanRejected;
import io.arrears.messaging.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.Optional;

/**
 * Puts an agreed repayment plan in force; a newer plan supersedes the one before it. A plan that does not
 * cover the arrears it would settle is refused: dead-lettered with the reason, and announced as PlanRejected.
 */
@ApplicationScoped
public class PlanService {

    private final AccountRepository accounts;
    private final AccountPlanRepository plans;
    private final AccountLoader loader;
    private final AccountEvents events;
    private final Clock clock;

    PlanService(AccountRepository accounts, AccountPlanRepository plans, AccountLoader loader, AccountEvents events, Clock clock) {
        this.accounts = accounts;
        this.plans = plans;
        this.loader = loader;
        this.events = events;
        this.clock = clock;
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
        Optional<String> shortfall = shortfall(account, agreed);
        if (shortfall.isPresent()) {
            String reason = "plan " + agreed.planId() + " " + shortfall.get();
            events.publish(new PlanRejected(agreed.planId(), agreed.caseId(), account.id, reason, OffsetDateTime.now(clock)));
            return Outcome.rejected(reason);
        }
        plans.active(account.id).ifPresent(previous -> {
            previous.moveTo(AccountPlan.Status.SUPERSEDED);
            previous.endedOn = agreed.agreedAt().toLocalDate();
        });
        AccountPlan plan = new AccountPlan();
        plan.id = agreed.planId();
        plan.accountId = account.id;
        plan.caseId = agreed.caseId();
        plan.type = agreed.type();
        plan.moveTo(AccountPlan.Status.ACTIVE);
        plan.currency = agreed.currency();
        plan.waivedInterest = agreed.waivedInterest();
        plan.waivedFees = agreed.waivedFees();
        plan.writtenOff = orZero(agreed.writtenOff());
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

    /** Judged on the account's own statements, whatever the reminder service believed the arrears to be. */
    private Optional<String> shortfall(Account account, PlanAgreed agreed) {
        Currency currency = Currency.getInstance(account.currency);
        Money arrears = PlanCover.arrearsSettled(loader.load(account).state(), agreed.agreedAt().toLocalDate());
        PlanCover cover = PlanCover.of(agreed.instalments().stream().map(i -> Money.of(i.amount(), agreed.currency())).toList(),
                money(agreed.waivedInterest(), currency), money(agreed.waivedFees(), currency), money(agreed.writtenOff(), currency),
                currency);
        return cover.shortfall(arrears);
    }

    private static Money money(BigDecimal amount, Currency currency) {
        return Money.of(orZero(amount), currency.getCurrencyCode());
    }

    private static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }
}
