package io.arrears.account.delinquency;

import io.arrears.account.domain.Delinquency;
import io.arrears.account.domain.Obligation;
import io.arrears.account.ledger.Account;
import io.arrears.account.ledger.Statement;
import io.arrears.events.Event;
import io.arrears.events.EventType;
import io.arrears.events.MissedReason;
import io.arrears.events.PaymentDueSoon;
import io.arrears.events.PaymentMissed;
import io.arrears.messaging.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Builds the account service's events from its state and puts them in the outbox, counting each. */
@ApplicationScoped
public class AccountEvents {

    private final Outbox outbox;
    private final MeterRegistry registry;

    AccountEvents(Outbox outbox, MeterRegistry registry) {
        this.outbox = outbox;
        this.registry = registry;
    }

    public void publish(Event event) {
        outbox.add(event);
        registry.counter("arrears.account.events", "type", EventType.of(event).name()).increment();
    }

    public void paymentMissed(LoadedAccount loaded, Delinquency delinquency, MissedReason reason, String planId) {
        Account account = loaded.account();
        Obligation oldest = delinquency.oldest().orElseThrow();
        Statement statement = loaded.statements().get(oldest.id());
        // On a broken plan whose statements are paid, the oldest obligation is an instalment.
        String statementId = statement != null ? statement.id : latestStatementId(loaded, oldest);
        publish(new PaymentMissed(account.id, account.customerId, statementId, oldest.dueDate(),
                delinquency.overdue().amount(), oldest.amount().amount(), loaded.money(account.totalBalance).amount(), account.currency,
                delinquency.daysPastDue(), delinquency.bucket(), reason, planId, account.product, account.cardLast4));
        registry.counter("arrears.account.payment.missed", "bucket", delinquency.bucket(), "reason", reason.name()).increment();
    }

    public void paymentDueSoon(LoadedAccount loaded, String statementId) {
        Account account = loaded.account();
        Statement statement = loaded.statements().get(statementId);
        publish(new PaymentDueSoon(account.id, account.customerId, statement.id, statement.dueDate, statement.minimumDue,
                statement.minimumDue.subtract(statement.minimumPaid), account.currency, account.cardLast4));
    }

    private static String latestStatementId(LoadedAccount loaded, Obligation fallback) {
        return loaded.plan().map(p -> p.id).orElse(fallback.id());
    }
}
