package io.arrears.contact.dispatch;

import io.arrears.contact.config.ContactConfig;
import io.arrears.messaging.WorkInFlight;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Tells SENT alone for the texts whose receipt has not come within {@code sent-waits-for-receipt}: the reminder
 * service and the complaint evidence hear that a text went out even when its receipt is late or never comes. Any
 * number of replicas may run it; each row is told by the one that takes it.
 */
@ApplicationScoped
public class LateReceipts {

    private static final Logger LOG = Logger.getLogger(LateReceipts.class);
    private static final int BATCH = 500;

    private final AttemptOutcomes outcomes;
    private final WorkInFlight work;
    private final ContactConfig config;

    LateReceipts(AttemptOutcomes outcomes, WorkInFlight work, ContactConfig config) {
        this.outcomes = outcomes;
        this.work = work;
        this.config = config;
    }

    @Scheduled(every = "${contact.dispatch.late-receipts-every}", delayed = "${contact.dispatch.first-poll-after}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (config.dispatch().sentWaitsForReceipt().isZero()) {
            return;
        }
        try {
            tellSendsWithoutReceipt();
        } catch (RuntimeException e) {
            LOG.warn("telling sends whose receipts are late stopped; the next poll resumes", e);
        }
    }

    /** Tells every text whose SENT has waited its time; returns how many. A stop lets the batch under way finish. */
    public int tellSendsWithoutReceipt() {
        int told = 0;
        int batch;
        do {
            if (!work.enter()) {
                return told;
            }
            try {
                batch = QuarkusTransaction.requiringNew().call(() -> outcomes.tellSendsWithoutReceipt(BATCH));
                told += batch;
            } finally {
                work.leave();
            }
        } while (batch == BATCH);
        return told;
    }
}
