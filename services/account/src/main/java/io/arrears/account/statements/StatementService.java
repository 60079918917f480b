package io.arrears.account.statements;

import io.arrears.account.delinquency.AccountLoader;
import io.arrears.account.domain.Buckets;
import io.arrears.account.ledger.Account;
import io.arrears.account.ledger.AccountRepository;
import io.arrears.account.ledger.Statement;
import io.arrears.account.ledger.StatementRepository;
import io.arrears.events.Money;
import io.arrears.events.StatementIssued;
import io.arrears.messaging.Absences;
import io.arrears.messaging.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Records statements; the first one opens the account and fixes its currency. */
@ApplicationScoped
public class StatementService {

    /** {@link Absences} kind: account ids with no account row yet. */
    static final String NO_ACCOUNT = "account";

    private final AccountRepository accounts;
    private final StatementRepository statements;
    private final AccountLoader loader;
    private final Absences absences;
    private final Clock clock;

    StatementService(AccountRepository accounts, StatementRepository statements, AccountLoader loader, Absences absences, Clock clock) {
        this.accounts = accounts;
        this.statements = statements;
        this.loader = loader;
        this.absences = absences;
        this.clock = clock;
    }

    /**
     * Before a transaction's statements are recorded one by one: their accounts locked in one statement, and
     * the ones not opened yet noted, so that loading a book (every statement a new account's first) reads
     * nothing per statement.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void beforeStatements(List<StatementIssued> issued) {
        Set<String> missing = new HashSet<>(issued.stream().map(StatementIssued::accountId).toList());
        accounts.lockAll(missing).forEach(account -> missing.remove(account.id));
        absences.note(NO_ACCOUNT, missing);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome record(StatementIssued issued) {
        Account account = absences.known(NO_ACCOUNT, issued.accountId()) ? null : accounts.lockById(issued.accountId()).orElse(null);
        if (account == null) {
            account = open(issued);
            Statement first = persist(issued, account);
            loader.reassessOpened(account, first, issued.statementDate());
            return Outcome.applied();
        }
        Optional<Outcome> rejected = AccountLoader.rejectOtherCurrency(account, issued.currency());
        if (rejected.isPresent()) {
            return rejected.get();
        }
        if (statements.findById(issued.statementId()) != null) {
            return Outcome.applied();
        }
        persist(issued, account);
        loader.reassess(account, issued.statementDate());
        return Outcome.applied();
    }

    private Statement persist(StatementIssued issued, Account account) {
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
        return statement;
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
        absences.created(NO_ACCOUNT, account.id);
        return account;
    }
}
