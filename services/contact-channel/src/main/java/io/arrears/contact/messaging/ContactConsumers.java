package io.arrears.contact.messaging;

import io.arrears.contact.customer.ContactHolds;
import io.arrears.contact.customer.CustomerDirectory;
import io.arrears.contact.dispatch.AgentCalls;
import io.arrears.contact.dispatch.ContactRequests;
import io.arrears.contact.dispatch.PromptSends;
import io.arrears.events.AgencyActionReported;
import io.arrears.events.AgentCallLogged;
import io.arrears.events.ComplaintOpened;
import io.arrears.events.ComplaintResolved;
import io.arrears.events.CustomerUpdated;
import io.arrears.events.PlanAgreed;
import io.arrears.events.ReminderRequested;
import io.arrears.messaging.EventIntake;
import io.arrears.messaging.Subscription;
import io.arrears.messaging.Subscriptions;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/**
 * Every topic contact-channel reads, one line each: parse, de-duplicate and dead-letter in
 * {@link EventIntake}, then one service method in the batch's transaction. Reminder requests due now are
 * sent once their transaction commits ({@link PromptSends}); everything else waits for the dispatcher's poll.
 */
@ApplicationScoped
public class ContactConsumers implements Subscriptions {

    private final EventIntake intake;
    private final PromptSends promptSends;
    private final Subscription<CustomerUpdated> customerUpdated;
    private final Subscription<ReminderRequested> reminderRequested;
    private final Subscription<PlanAgreed> planAgreed;
    private final Subscription<ComplaintOpened> complaintOpened;
    private final Subscription<ComplaintResolved> complaintResolved;
    private final Subscription<AgentCallLogged> agentCallLogged;
    private final Subscription<AgencyActionReported> agencyActions;

    ContactConsumers(EventIntake intake, CustomerDirectory customers, ContactRequests requests, ContactHolds holds, AgentCalls agentCalls,
                     PromptSends promptSends) {
        this.intake = intake;
        this.promptSends = promptSends;
        this.customerUpdated = Subscription.of("contact.customers", CustomerUpdated.class, (event, headers) -> customers.apply(event))
                .preparedBy(customers::beforeUpdates);
        // The attempt, keyed by the reminder id and never deleted, is what a repeated request finds: an inbox
        // row would only repeat its key.
        this.reminderRequested = Subscription.inBatches("contact.reminder-requested", ReminderRequested.class, requests::reminderRequestedAll)
                .aloneBy((event, headers) -> requests.reminderRequested(event)).deduplicatedByItsRows();
        this.planAgreed = Subscription.of("contact.plan-agreed", PlanAgreed.class, (event, headers) -> requests.planAgreed(event));
        this.complaintOpened = Subscription.of("contact.complaint-opened", ComplaintOpened.class, (event, headers) -> holds.opened(event));
        this.complaintResolved = Subscription.of("contact.complaint-resolved", ComplaintResolved.class, (event, headers) -> holds.resolved(event));
        this.agentCallLogged = Subscription.of("contact.agent-call-logged", AgentCallLogged.class, (event, headers) -> agentCalls.record(event));
        this.agencyActions = Subscription.of("contact.agency-action-reported", AgencyActionReported.class, (event, headers) -> agentCalls.record(event));
    }

    @Incoming("customers")
    @Blocking
    public void customers(ConsumerRecords<String, byte[]> records) {
        intake.apply(customerUpdated, records);
    }

    @Incoming("reminder-requested")
    @Blocking
    public void reminderRequested(ConsumerRecords<String, byte[]> records) {
        promptSends.inParts(records, part -> intake.apply(reminderRequested, part));
    }

    @Incoming("plan-agreed")
    @Blocking
    public void planAgreed(ConsumerRecords<String, byte[]> records) {
        intake.apply(planAgreed, records);
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

    @Incoming("agent-call-logged")
    @Blocking
    public void agentCallLogged(ConsumerRecords<String, byte[]> records) {
        intake.apply(agentCallLogged, records);
    }

    @Incoming("agency-action-reported")
    @Blocking
    public void agencyActionReported(ConsumerRecords<String, byte[]> records) {
        intake.apply(agencyActions, records);
    }

    @Override
    public List<Subscription<?>> subscriptions() {
        return List.of(customerUpdated, reminderRequested, planAgreed, complaintOpened, complaintResolved, agentCallLogged, agencyActions);
    }
}
