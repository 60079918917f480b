package io.arrears.contact.dispatch;

import io.arrears.contact.channel.ChannelAdapters;
import io.arrears.contact.channel.OutgoingMessage;
import io.arrears.contact.channel.SendResult;
import io.arrears.contact.config.ContactConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Sends what is due: each attempt is prepared in one transaction, handed to its channel's adapter
 * outside any, and its result recorded in another. Several instances may poll at once; row locks
 * with SKIP LOCKED give each attempt to one of them.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final AttemptRepository attempts;
    private final ContactGate gate;
    private final ChannelAdapters adapters;
    private final ContactConfig config;
    private final Clock clock;

    Dispatcher(AttemptRepository attempts, ContactGate gate, ChannelAdapters adapters, ContactConfig config, Clock clock) {
        this.attempts = attempts;
        this.gate = gate;
        this.adapters = adapters;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${contact.dispatch.poll-every}", delayed = "${contact.dispatch.first-poll-after}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        dispatchDue();
    }

    /** Works through everything due now, batch after batch; returns how many attempts it looked at. */
    public int dispatchDue() {
        int seen = 0;
        List<String> due;
        do {
            due = QuarkusTransaction.requiringNew().call(() -> attempts.due(OffsetDateTime.now(clock), config.dispatch().batchSize()));
            due.forEach(this::dispatch);
            seen += due.size();
        } while (due.size() == config.dispatch().batchSize());
        return seen;
    }

    private void dispatch(String reminderId) {
        Optional<OutgoingMessage> message = gate.prepare(reminderId);
        if (message.isEmpty()) {
            return;
        }
        SendResult result;
        try {
            result = adapters.forChannel(message.get().to().channel()).send(message.get());
        } catch (RuntimeException e) {
            LOG.warnf(e, "adapter failed on %s", message.get());
            result = SendResult.transientFailure(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        gate.record(reminderId, result);
    }
}
