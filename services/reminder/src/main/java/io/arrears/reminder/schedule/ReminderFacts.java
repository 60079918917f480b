package io.arrears.reminder.schedule;

import io.arrears.events.EventJson;
import io.arrears.events.PaymentDueSoon;
import io.arrears.events.TemplateFacts;
import io.arrears.reminder.cases.CollectionCase;
import io.arrears.reminder.cases.PlanInstalment;
import io.arrears.reminder.cases.PromiseToPay;
import io.arrears.reminder.cases.RepaymentPlan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Currency;

/**
 * The facts a template may use, from the reminder service's own records: amounts at the currency's scale,
 * dates and the card's last four digits. Contact-channel adds the cardholder's name and how to pay.
 */
public final class ReminderFacts {

    private ReminderFacts() {
    }

    public static TemplateFacts of(CollectionCase c) {
        return TemplateFacts.ofCase(c.id(), c.currency(), money(c.amountOverdue(), c.currency()), money(c.minimumDue(), c.currency()),
                money(c.totalBalance(), c.currency()), c.dueDate(), c.daysPastDue(), c.bucket(), c.cardLast4());
    }

    static TemplateFacts of(PaymentDueSoon due) {
        return TemplateFacts.ofStatement(due.customerId(), due.statementId(), due.currency(), money(due.minimumDue(), due.currency()),
                money(due.amountStillDue(), due.currency()), due.dueDate(), due.cardLast4());
    }

    public static TemplateFacts withInstalment(TemplateFacts facts, RepaymentPlan plan, PlanInstalment instalment) {
        return facts.withInstalment(plan.id, instalment.seq, plan.instalments.size(), money(instalment.amount, plan.currency),
                instalment.dueDate);
    }

    public static TemplateFacts withPromise(TemplateFacts facts, PromiseToPay promise) {
        return facts.withPromise(money(promise.amount, promise.currency), promise.promisedDate);
    }

    public static String write(TemplateFacts facts) {
        return new String(EventJson.write(facts), StandardCharsets.UTF_8);
    }

    public static TemplateFacts read(String json) {
        return EventJson.bind(EventJson.parse(json.getBytes(StandardCharsets.UTF_8)), TemplateFacts.class);
    }

    static BigDecimal money(BigDecimal amount, String currency) {
        return amount.setScale(Currency.getInstance(currency).getDefaultFractionDigits(), RoundingMode.UNNECESSARY);
    }
}
