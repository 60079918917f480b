package io.arrears.contact;

import io.arrears.contact.dispatch.Dispatcher;
import io.arrears.events.DeliveryStatus;
import io.arrears.events.ReminderSent;
import io.arrears.events.Topics;
import io.arrears.testing.TopicProbe;

import java.time.Duration;
import java.util.List;

/** What contact-channel says on arrears.reminder-sent.v1, read from the broker, with the dispatcher nudged instead of waited for. */
public final class SentEvents implements AutoCloseable {

    private static final Duration BOUND = Duration.ofSeconds(30);

    private final TopicProbe probe = TopicProbe.open(Topics.REMINDER_SENT);
    private final Dispatcher dispatcher;

    public SentEvents(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    public ReminderSent await(String reminderId, DeliveryStatus status) {
        dispatcher.dispatchDue();
        return probe.awaitEvents(ReminderSent.class, s -> s.reminderId().equals(reminderId) && s.status() == status, 1, BOUND).get(0);
    }

    public List<ReminderSent> of(String reminderId) {
        return probe.events(ReminderSent.class, s -> s.reminderId().equals(reminderId));
    }

    @Override
    public void close() {
        probe.close();
    }
}
