package io.arrears.contact.messaging;

import io.arrears.contact.customer.ContactHolds;
import io.arrears.contact.customer.CustomerDirectory;
import io.arrears.contact.dispatch.ContactRequests;
import io.arrears.events.ComplaintOpened;
import io.arrears.events.ComplaintResolved;
import io.arrears.events.CustomerUpdated;
import io.arrears.events.PlanAgreed;
import io.arrears.events.ReminderRequested;
import io.arrears.messaging.EventIntake;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every topic contact-channel reads, one line each: parse, de-duplicate and dead-letter in
 * {@link EventIntake}, then one service method in the batch's transaction. Nothing is sent from here.
 */
@ApplicationScoped
public class ContactConsumers {

    private final EventIntake intake;
    private final CustomerDirectory customers;
    private final ContactRequests requests;
    private final ContactHolds holds;

    ContactConsumers(EventIntake intake, CustomerDirectory customers, ContactRequests requests, ContactHolds holds) {
        this.intake = intake;
        this.customers = customers;
        this.requests = requests;
        this.holds = holds;
    }

    @Incoming("customers")
    @Blocking
    public void customers(ConsumerRecords<String, byte[]> records) {
        intake.apply("contact.customers", records, CustomerUpdated.class, (event, headers) -> customers.apply(event));
    }

    @Incoming("reminder-requested")
    @Blocking
    public void reminderRequested(ConsumerRecords<String, byte[]> records) {
        intake.apply("contact.reminder-requested", records, ReminderRequested.class, (event, headers) -> requests.reminderRequested(event));
    }

    @Incoming("plan-agreed")
    @Blocking
    public void planAgreed(ConsumerRecords<String, byte[]> records) {
        intake.apply("contact.plan-agreed", records, PlanAgreed.class, (event, headers) -> requests.planAgreed(event));
    }

    @Incoming("complaint-opened")
    @Blocking
    public void complaintOpened(ConsumerRecords<String, byte[]> records) {
        intake.apply("contact.complaint-opened", records, ComplaintOpened.class, (event, headers) -> holds.opened(event));
    }

    @Incoming("complaint-resolved")
    @Blocking
    public void complaintResolved(ConsumerRecords<String, byte[]> records) {
        intake.apply("contact.complaint-resolved", records, ComplaintResolved.class, (event, headers) -> holds.resolved(event));
    }
}
