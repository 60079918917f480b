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

    /**
     * The outcome told for this reminder with this status, alone or carried by a receipt's outcome: a text's SENT
     * usually comes as the {@code sentAt} of its DELIVERED ({@link ReminderSent#told}).
     */
    public ReminderSent await(String reminderId, DeliveryStatus status) {
        dispatcher.dispatchDue();
        ReminderSent event = probe.awaitEvents(ReminderSent.class, s -> s.reminderId().equals(reminderId) && tells(s, status), 1, BOUND).get(0);
        return event.told().stream().filter(told -> told.status() == status).findFirst().orElseThrow();
    }

    /** The event as it came, with this status of its own. */
    public ReminderSent awaitEvent(String reminderId, DeliveryStatus status) {
        dispatcher.dispatchDue();
        return probe.awaitEvents(ReminderSent.class, s -> s.reminderId().equals(reminderId) && s.status() == status, 1, BOUND).get(0);
    }

    private static boolean tells(ReminderSent event, DeliveryStatus status) {
        return event.told().stream().anyMatch(told -> told.status() == status);
    }

    public List<ReminderSent> of(String reminderId) {
        return probe.events(ReminderSent.class, s -> s.reminderId().equals(reminderId));
    }

    @Override
    public void close() {
        probe.close();
    }
}
