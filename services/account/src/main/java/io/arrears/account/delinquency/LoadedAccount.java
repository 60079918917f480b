package io.arrears.account.delinquency;

import io.arrears.account.domain.AccountState;
import io.arrears.account.domain.Obligation;
import io.arrears.account.ledger.Account;
import io.arrears.account.ledger.Instalment;
import io.arrears.account.ledger.AccountPlan;
import io.arrears.account.ledger.Statement;
import io.arrears.events.Money;

import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** An account with its unpaid statements and plan in force: the entities, and the domain view of them. */
public record LoadedAccount(Account account, Map<String, Statement> statements, Optional<AccountPlan> plan) {

    static LoadedAccount of(Account account, List<Statement> unpaid, Optional<AccountPlan> plan) {
        return new LoadedAccount(account, unpaid.stream().collect(Collectors.toMap(s -> s.id, Function.identity(),
                (a, b) -> a, LinkedHashMap::new)), plan);
    }

    public AccountState state() {
        Currency currency = Currency.getInstance(account.currency);
        List<AccountState.StatementMinimum> minimums = statements.values().stream()
                .map(s -> new AccountState.StatementMinimum(
                        new Obligation(s.id, s.dueDate, money(s.minimumDue), money(s.minimumPaid)),
                        s.statementDate, s.dueSoonAnnounced))
                .toList();
        Optional<AccountState.ActivePlan> activePlan = plan.map(p -> new AccountState.ActivePlan(p.id,
                p.agreedAt.toLocalDate(),
                p.instalments.stream().map(i -> new Obligation(i.id, i.dueDate, money(i.amount), money(i.paid))).toList()));
        return new AccountState(currency, minimums, account.reportedBucket, activePlan);
    }

    public void writeBack(List<AccountState.StatementMinimum> reviewed) {
        for (AccountState.StatementMinimum minimum : reviewed) {
            Statement statement = statements.get(minimum.minimum().id());
            statement.minimumPaid = minimum.minimum().paid().amount();
            statement.dueSoonAnnounced = minimum.dueSoonAnnounced();
        }
    }

    public void writeBackInstalments(List<Obligation> instalments) {
        plan.ifPresent(p -> {
            Map<String, Obligation> byId = instalments.stream().collect(Collectors.toMap(Obligation::id, Function.identity()));
            for (Instalment instalment : p.instalments) {
                Obligation paid = byId.get(instalment.id);
                if (paid != null) {
                    instalment.paid = paid.paid().amount();
                }
            }
        });
    }

    Money money(java.math.BigDecimal amount) {
        return Money.of(amount, account.currency);
    }
}
