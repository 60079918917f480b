package io.arrears.reminder.schedule;

import io.arrears.reminder.agent.PlanInstalment;
import io.arrears.reminder.agent.PromiseToPay;
import io.arrears.reminder.agent.RepaymentPlan;
import io.arrears.reminder.cases.CollectionCase;

import io.arrears.events.EventJson;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;

/** The facts a template may use. Amounts, dates and the card's last four digits: contact-channel adds the cardholder's name and how to pay. */
public final class ReminderFacts {

    private ReminderFacts() {
    }

    public static Map<String, String> of(CollectionCase c) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("caseId", c.id);
        facts.put("currency", c.currency);
        facts.put("amountOverdue", money(c.amountOverdue, c.currency));
        facts.put("minimumDue", money(c.minimumDue, c.currency));
        facts.put("totalBalance", money(c.totalBalance, c.currency));
        if (c.dueDate != null) {
            facts.put("dueDate", c.dueDate.toString());
        }
        facts.put("daysPastDue", Integer.toString(c.daysPastDue));
        facts.put("bucket", c.bucket);
        if (c.cardLast4 != null) {
            facts.put("cardLast4", c.cardLast4);
        }
        return facts;
    }

    static Map<String, String> instalment(RepaymentPlan plan, PlanInstalment instalment) {
        return Map.of("planId", plan.id, "instalmentNumber", Integer.toString(instalment.seq),
                "instalmentCount", Integer.toString(plan.instalments.size()),
                "instalmentAmount", money(instalment.amount, plan.currency), "instalmentDueDate", instalment.dueDate.toString());
    }

    static Map<String, String> promise(PromiseToPay promise) {
        return Map.of("promisedAmount", money(promise.amount, promise.currency), "promisedDate", promise.promisedDate.toString());
    }

    public static String write(Map<String, String> facts) {
        return new String(EventJson.write(facts), StandardCharsets.UTF_8);
    }

    static Map<String, String> read(String json) {
        Map<String, String> facts = new LinkedHashMap<>();
        EventJson.parse(json.getBytes(StandardCharsets.UTF_8)).fields().forEachRemaining(e -> facts.put(e.getKey(), e.getValue().asText()));
        return facts;
    }

    public static String money(BigDecimal amount, String currency) {
        return amount.setScale(Currency.getInstance(currency).getDefaultFractionDigits(), java.math.RoundingMode.UNNECESSARY).toPlainString();
    }
}
