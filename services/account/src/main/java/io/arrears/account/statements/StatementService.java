package io.arrears.account.statements;

import io.arrears.account.delinquency.AccountLoader;
import io.arrears.account.domain.Buckets;
import io.arrears.account.ledger.Account;
import io.arrears.account.ledger.AccountRepository;
import io.arrears.account.ledger.Statement;
import io.arrears.account.ledger.StatementRepository;
import io.arrears.events.Money;
import io.arrears.events.StatementIssued;
import io.arrears.messaging.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Records statements; the first one opens the account and fixes its currency. */
@ApplicationScoped
public class StatementService {

    private final AccountRepository accounts;
    private final StatementRepository statements;
    private final AccountLoader loader;
    private final Clock clock;

    StatementService(AccountRepository accounts, StatementRepository statements, AccountLoader loader, Clock clock) {
        this.accounts = accounts;
        this.statements = statements;
        this.loader = loader;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome record(StatementIssued issued) {
        Account account = accounts.lockById(issued.accountId()).orElse(null);
        if (account == null) {
            account = open(issued);
        } else {
            Optional<Outcome> rejected = AccountLoader.rejectOtherCurrency(account, issued.currency());
            if (rejected.isPresent()) {
                return rejected.get();
            }
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
            if (issued.product() != null) {
                account.product = issued.product();
            }
            if (issued.cardLast4() != null) {
                account.cardLast4 = issued.cardLast4();
            }
        }

        loader.reassess(account, issued.statementDate());
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
