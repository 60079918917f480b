package io.arrears.agency.messaging;

import io.arrears.agency.placement.Placements;
import io.arrears.agency.records.BankRecords;
import io.arrears.events.AgentCallLogged;
import io.arrears.events.CaseEscalated;
import io.arrears.events.ComplaintOpened;
import io.arrears.events.ComplaintResolved;
import io.arrears.events.CustomerUpdated;
import io.arrears.events.PaymentMissed;
import io.arrears.events.PaymentReceived;
import io.arrears.events.PlanAgreed;
import io.arrears.events.ReminderSent;
import io.arrears.messaging.EventIntake;
import io.arrears.messaging.Subscription;
import io.arrears.messaging.Subscriptions;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/**
 * Escalations to place; payments, complaints and plans that recall; and the bank's records an agency's
 * work is judged on: arrears, the cardholder's profile, and every contact the bank made.
 */
@ApplicationScoped
public class AgencyConsumers implements Subscriptions {

    private final EventIntake intake;
    private final Subscription<PaymentMissed> paymentMissed;
    private final Subscription<CustomerUpdated> customers;
    private final Subscription<CaseEscalated> caseEscalated;
    private final Subscription<PaymentReceived> paymentReceived;
    private final Subscription<ComplaintOpened> complaintOpened;
    private final Subscription<ComplaintResolved> complaintResolved;
    private final Subscription<PlanAgreed> planAgreed;
    private final Subscription<ReminderSent> reminderSent;
    private final Subscription<AgentCallLogged> agentCalls;

    AgencyConsumers(EventIntake intake, Placements placements, BankRecords records) {
        this.intake = intake;
        this.paymentMissed = Subscription.inBatches("agency.payment-missed", PaymentMissed.class, records::recordMissed);
        this.customers = Subscription.of("agency.customers", CustomerUpdated.class, (e, h) -> records.record(e))
                .preparedBy(records::beforeCustomers);
        this.caseEscalated = Subscription.of("agency.case-escalated", CaseEscalated.class, (e, h) -> placements.escalated(e));
        this.paymentReceived = Subscription.of("agency.payment-received", PaymentReceived.class, placements::paid);
        this.complaintOpened = Subscription.of("agency.complaint-opened", ComplaintOpened.class, (e, h) -> placements.complained(e));
        this.complaintResolved = Subscription.of("agency.complaint-resolved", ComplaintResolved.class, (e, h) -> records.record(e));
        this.planAgreed = Subscription.of("agency.plan-agreed", PlanAgreed.class, (e, h) -> placements.planAgreed(e));
        // The contact log is keyed by the reminder and logs each once: it de-duplicates these events itself.
        this.reminderSent = Subscription.inBatches("agency.reminder-sent", ReminderSent.class, records::recordOutcomes).deduplicatedByItsRows();
        this.agentCalls = Subscription.of("agency.agent-call-logged", AgentCallLogged.class, (e, h) -> records.record(e));
    }

    @Incoming("payment-missed")
    @Blocking
    public void paymentMissed(ConsumerRecords<String, byte[]> records) {
        intake.apply(paymentMissed, records);
    }

    @Incoming("customers")
    @Blocking
    public void customers(ConsumerRecords<String, byte[]> records) {
        intake.apply(customers, records);
    }

    @Incoming("case-escalated")
    @Blocking
    public void caseEscalated(ConsumerRecords<String, byte[]> records) {
        intake.apply(caseEscalated, records);
    }

    @Incoming("payment-received")
    @Blocking
    public void paymentReceived(ConsumerRecords<String, byte[]> records) {
        intake.apply(paymentReceived, records);
    }

    @Incoming("complaint-opened")
    @Blocking
    public void complaintOpened(ConsumerRecords<String, byte[]> records) {
        intake.apply(complaintOpened, records);
    }

    @Incoming("complaint-resolved")
    @Blocking
    public void complaintResolved(ConsumerRecords<String, byte[]> records) {
        intake.apply(complaintResolved, records);
    }

    @Incoming("plan-agreed")
    @Blocking
    public void planAgreed(ConsumerRecords<String, byte[]> records) {
        intake.apply(planAgreed, records);
    }

    @Incoming("reminder-sent")
    @Blocking
    public void reminderSent(ConsumerRecords<String, byte[]> records) {
        intake.apply(reminderSent, records);
    }

    @Incoming("agent-call-logged")
    @Blocking
    public void agentCalls(ConsumerRecords<String, byte[]> records) {
        intake.apply(agentCalls, records);
    }

    @Override
    public List<Subscription<?>> subscriptions() {
        return List.of(paymentMissed, customers, caseEscalated, paymentReceived, complaintOpened, complaintResolved, planAgreed, reminderSent,
                agentCalls);
    }
}
