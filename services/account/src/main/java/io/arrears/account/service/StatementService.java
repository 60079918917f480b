package io.arrears.account.service;

import io.arrears.account.domain.Ageing;
import io.arrears.account.domain.Buckets;
import io.arrears.account.domain.Delinquency;
import io.arrears.account.repository.Account;
import io.arrears.account.repository.AccountRepository;
import io.arrears.account.repository.Statement;
import io.arrears.account.repository.StatementRepository;
import io.arrears.events.Money;
import io.arrears.events.StatementIssued;
import io.arrears.messaging.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Currency;

/** Records statements; the first one opens the account and fixes its currency. */
@ApplicationScoped
public class StatementService {

    private final AccountRepository accounts;
    private final StatementRepository statements;
    private final AccountLoader loader;
    private final BusinessCalendar calendar;
    private final Ageing ageing;
    private final Clock clock;

    StatementService(AccountRepository accounts, StatementRepository statements, AccountLoader loader,
                     BusinessCalendar calendar, Ageing ageing, Clock clock) {
        this.accounts = accounts;
        this.statements = statements;
        this.loader = loader;
        this.calendar = calendar;
        this.ageing = ageing;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome record(StatementIssued issued) {
        Account account = accounts.lockById(issued.accountId()).orElse(null);
        if (account == null) {
            account = open(issued);
        } else if (!account.currency.equals(issued.currency())) {
            return Outcome.rejected("currency " + issued.currency() + " does not match account " + account.id
                    + " currency " + account.currency);
        }
        if (statements.findById(issued.statementId()) != null) {
            return Outcome.applied();
        }
        Money minimum = Money.of(issued.minimumDue(), issued.currency());
        Statement statement = new Statement();
        statement.id = issued.statementId();
        statement.accountId = account.id;
        statement.statementDate = issued.statementDate();
        statement.dueDate = issued.dueDate();
        statement.statementBalance = Money.of(issued.statementBalance(), issued.currency()).amount();
        statement.minimumDue = minimum.amount();
        statement.minimumPaid = minimum.isPositive() ? BigDecimal.ZERO : minimum.amount();
        statement.dueSoonAnnounced = false;
        statements.persist(statement);
        if (account.lastStatementDate == null || !issued.statementDate().isBefore(account.lastStatementDate)) {
            account.lastStatementDate = issued.statementDate();
            account.totalBalance = statement.statementBalance;
        }

        LocalDate asOf = calendar.lastClosed().orElse(issued.statementDate());
        LoadedAccount loaded = loader.load(account);
        Delinquency delinquency = Delinquency.assess(loaded.state().minimums(), asOf, ageing.policy(),
                Currency.getInstance(account.currency));
        Delinquencies.record(account, delinquency, loaded.plan().isPresent(), account.reportedBucket, asOf,
                ageing.nextReview(loaded.state(), asOf), ageing, OffsetDateTime.now(clock));
        return Outcome.applied();
    }

    private Account open(StatementIssued issued) {
        Account account = new Account();
        account.id = issued.accountId();
        account.customerId = issued.customerId();
        account.currency = issued.currency();
        account.status = Account.Status.CURRENT;
        account.reportedBucket = Buckets.CURRENT;
        account.bucket = Buckets.CURRENT;
        account.amountOverdue = BigDecimal.ZERO;
        account.totalBalance = BigDecimal.ZERO;
        account.updatedAt = OffsetDateTime.now(clock);
        accounts.persist(account);
        return account;
    }
}
