package io.arrears.account.payments;

import io.arrears.account.delinquency.AccountLoader;
import io.arrears.account.delinquency.AccountEvents;
import io.arrears.account.delinquency.Delinquencies;
import io.arrears.account.delinquency.LoadedAccount;
import io.arrears.account.calendar.ClosedBusinessDays;
import io.arrears.account.domain.Ageing;
import io.arrears.account.domain.Buckets;
import io.arrears.account.domain.PaymentEffect;
import io.arrears.account.ledger.Account;
import io.arrears.account.ledger.AccountRepository;
import io.arrears.account.ledger.Payment;
import io.arrears.account.ledger.PaymentRepository;
import io.arrears.account.ledger.AccountPlan;
import io.arrears.events.Money;
import io.arrears.events.PaymentPosted;
import io.arrears.events.PaymentReceived;
import io.arrears.events.PlanCompleted;
import io.arrears.messaging.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Records payments: they pay minimums and instalments, and on a delinquent account they are announced. */
@ApplicationScoped
public class PaymentService {

    private final AccountRepository accounts;
    private final PaymentRepository payments;
    private final AccountLoader loader;
    private final ClosedBusinessDays calendar;
    private final AccountEvents events;
    private final Ageing ageing;
    private final Clock clock;

    PaymentService(AccountRepository accounts, PaymentRepository payments, AccountLoader loader, ClosedBusinessDays calendar,
                   AccountEvents events, Ageing ageing, Clock clock) {
        this.accounts = accounts;
        this.payments = payments;
        this.loader = loader;
        this.calendar = calendar;
        this.events = events;
        this.ageing = ageing;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome record(PaymentPosted posted) {
        Account account = accounts.lockById(posted.accountId()).orElse(null);
        if (account == null) {
            return Outcome.rejected("account " + posted.accountId() + " has no statement yet; payment " + posted.paymentId() + " cannot be applied");
        }
        Optional<Outcome> rejected = AccountLoader.rejectOtherCurrency(account, posted.currency());
        if (rejected.isPresent()) {
            return rejected.get();
        }
        if (payments.findById(posted.paymentId()) != null) {
            return Outcome.applied();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Money amount = posted.money();
        Payment payment = new Payment();
        payment.id = posted.paymentId();
        payment.accountId = account.id;
        payment.amount = amount.amount();
        payment.currency = posted.currency();
        payment.postedAt = posted.postedAt();
        payment.channel = posted.channel();
        payment.receivedAt = now;
        payments.persist(payment);

        LocalDate postedOn = posted.postedAt().toLocalDate();
        if (account.lastStatementDate == null || postedOn.isAfter(account.lastStatementDate)) {
            account.totalBalance = account.totalBalance.subtract(amount.amount());
        }
        LocalDate asOf = calendar.lastClosed().orElse(postedOn);
        LoadedAccount loaded = loader.load(account);
        boolean wasInArrears = loaded.plan().isPresent() || !Buckets.CURRENT.equals(account.reportedBucket);
        PaymentEffect effect = ageing.pay(loaded.state(), amount, postedOn, asOf);

        loaded.writeBack(effect.statements());
        loaded.writeBackInstalments(effect.instalments());
        if (effect.planCompleted()) {
            AccountPlan plan = loaded.plan().orElseThrow();
            plan.moveTo(AccountPlan.Status.COMPLETED);
            plan.endedOn = postedOn;
            events.publish(new PlanCompleted(plan.id, account.id, postedOn));
        }
        if (wasInArrears || effect.before().isPastDue()) {
            events.publish(new PaymentReceived(account.id, payment.id, amount.amount(), effect.after().overdue().amount(),
                    account.currency, !effect.after().isPastDue()));
        }
        boolean stillInPlan = loaded.plan().isPresent() && !effect.planCompleted();
        Delinquencies.record(account, effect.after(), stillInPlan, effect.reportedBucket(), asOf, effect.nextReview(), ageing, now);
        return Outcome.applied();
    }
}
