package io.arrears.messaging;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Work that a stop must not cut in two: a consumed batch from its first statement to its answer, and
 * contact-channel's sends from SENDING to the provider's recorded word. When the service is told to stop
 * (SIGTERM: a deploy, a scale-down, a drained node), nothing new starts, and the stop waits, up to
 * {@code arrears.messaging.drain-timeout}, for what has started, while the database and the broker's
 * clients are still open: Quarkus tells {@link ShutdownEvent} observers before it closes them.
 *
 * <p>A kill -9 still cuts work in two; the inbox, the outbox and an attempt left SENDING for the reconciler
 * are what make that safe. A stop should not need them: each text or email a crash leaves SENDING cannot be
 * asked about, and becomes UNKNOWN.
 */
@ApplicationScoped
public class WorkInFlight {

    private static final Logger LOG = Logger.getLogger(WorkInFlight.class);

    private final Duration drainTimeout;
    private final Object lock = new Object();
    private int running;
    private boolean stopping;

    @Inject
    public WorkInFlight(MessagingConfig config) {
        this(config.drainTimeout());
    }

    WorkInFlight(Duration drainTimeout) {
        this.drainTimeout = drainTimeout;
    }

    /** Thrown where work finds the service stopping before a step it has not begun: nothing of that step was done. */
    public static final class Stopping extends RuntimeException {

        public Stopping(String what) {
            super("the service is stopping: " + what);
        }
    }

    /**
     * Begins a piece of work; false once the service is stopping, and then the caller must not start it. Each
     * true is followed by one {@link #leave()}. Only where work enters the service: what a piece of work does on
     * other threads is part of it.
     */
    public boolean enter() {
        synchronized (lock) {
            if (stopping) {
                return false;
            }
            running++;
            return true;
        }
    }

    public void leave() {
        synchronized (lock) {
            running--;
            lock.notifyAll();
        }
    }

    /** Before any other observer of the stop, which may close what the work still needs. */
    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        int left = drain(drainTimeout);
        if (left > 0) {
            LOG.warnf("stopping with %d pieces of work still running after %s; they are cut as a crash would cut them", left, drainTimeout);
        }
    }

    /** Refuses new work and waits up to {@code bound} for what is running; returns how much still runs. */
    int drain(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        synchronized (lock) {
            stopping = true;
            if (running > 0) {
                LOG.infof("stopping: waiting for %d pieces of work to finish", running);
            }
            try {
                for (long left = bound.toNanos(); running > 0 && left > 0; left = deadline - System.nanoTime()) {
                    lock.wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return running;
        }
    }
}
