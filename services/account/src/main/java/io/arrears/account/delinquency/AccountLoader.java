package io.arrears.account.delinquency;

import io.arrears.account.calendar.ClosedBusinessDays;
import io.arrears.account.domain.Ageing;
import io.arrears.account.domain.Delinquency;
import io.arrears.account.ledger.Account;
import io.arrears.account.ledger.AccountPlan;
import io.arrears.account.ledger.AccountPlanRepository;
import io.arrears.account.ledger.Statement;
import io.arrears.account.ledger.StatementRepository;
import io.arrears.messaging.Outcome;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class AccountLoader {

    private final StatementRepository statements;
    private final AccountPlanRepository plans;
    private final ClosedBusinessDays calendar;
    private final Ageing ageing;
    private final Clock clock;

    AccountLoader(StatementRepository statements, AccountPlanRepository plans, ClosedBusinessDays calendar, Ageing ageing,
                  Clock clock) {
        this.statements = statements;
        this.plans = plans;
        this.calendar = calendar;
        this.ageing = ageing;
        this.clock = clock;
    }

    /** The account must already be locked by the caller. */
    public LoadedAccount load(Account account) {
        return loadAll(List.of(account)).get(0);
    }

    /**
     * Accounts the caller has locked, in the order given, with their unpaid statements and plans read
     * in two queries for all of them rather than two for each: a round trip to the database costs more
     * than anything done here.
     */
    public List<LoadedAccount> loadAll(List<Account> locked) {
        if (locked.isEmpty()) {
            return List.of();
        }
        List<String> ids = locked.stream().map(a -> a.id).toList();
        Map<String, List<Statement>> unpaid = statements.unpaidOf(ids).stream().collect(Collectors.groupingBy(s -> s.accountId));
        Map<String, AccountPlan> active = plans.activeOf(ids).stream()
                .collect(Collectors.toMap(p -> p.accountId, Function.identity(), (first, second) -> first));
        return locked.stream().map(a -> LoadedAccount.of(a, unpaid.getOrDefault(a.id, List.of()),
                Optional.ofNullable(active.get(a.id)))).toList();
    }

    /** An account keeps the currency of its first statement; anything else is bad input, not a retry. */
    public static Optional<Outcome> rejectOtherCurrency(Account account, String currency) {
        return account.currency.equals(currency) ? Optional.empty()
                : Optional.of(Outcome.rejected("currency " + currency + " does not match account " + account.id
                        + " currency " + account.currency));
    }

    /**
     * After a new statement or plan: the lateness figures and the next review date, as of the last
     * closed business day ({@code fallback} before the first one).
     */
    public void reassess(Account account, LocalDate fallback) {
        reassess(load(account), fallback);
    }

    /**
     * The same for an account this transaction has just opened with its first statement: nothing else of it
     * can be in the database (statements and plans refer to the account row), so nothing is read.
     */
    public void reassessOpened(Account account, Statement first, LocalDate fallback) {
        List<Statement> unpaid = first.minimumPaid.compareTo(first.minimumDue) < 0 ? List.of(first) : List.of();
        reassess(LoadedAccount.of(account, unpaid, Optional.empty()), fallback);
    }

    private void reassess(LoadedAccount loaded, LocalDate fallback) {
        Account account = loaded.account();
        LocalDate asOf = calendar.lastClosed().orElse(fallback);
        Delinquency delinquency = Delinquency.assess(loaded.state().minimums(), asOf, ageing.policy(),
                Currency.getInstance(account.currency));
        Delinquencies.record(account, delinquency, loaded.plan().isPresent(), account.reportedBucket, asOf,
                ageing.nextReview(loaded.state(), asOf), ageing, OffsetDateTime.now(clock));
    }
}
