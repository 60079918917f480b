package io.arrears.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Records that arrive on several threads at once, each of which must be committed before its caller may answer
 * (a provider's receipt is acknowledged only once recorded), committed together. A caller queues its item and
 * takes the lock; whoever holds it records everything queued by then in one transaction, so while one group
 * commits, the next gathers. The callers' answers wait for their own group only, as before they waited for
 * their own transaction.
 *
 * <p>If a group fails, its items are recorded one at a time, each in its own transaction, and only the one that
 * fails alone fails its caller: a bad receipt costs its own retry and no one else's. If it failed because the
 * database is away, every item fails its caller at once: one at a time they would only fail again, each after its
 * own wait for a connection, while the callers' threads (an SMS centre's session, which also carries the answers to
 * our sends) waited for the whole group.
 */
public final class GroupCommit<T> {

    private final Consumer<List<T>> together;
    private final Consumer<T> alone;
    private final int largest;
    private final ConcurrentLinkedQueue<Pending<T>> queued = new ConcurrentLinkedQueue<>();
    private final ReentrantLock leader = new ReentrantLock();

    /**
     * @param together records a group in one transaction of its own
     * @param alone    records one item in one transaction of its own, after its group failed
     * @param largest  the most items one transaction takes
     */
    public GroupCommit(Consumer<List<T>> together, Consumer<T> alone, int largest) {
        this.together = together;
        this.alone = alone;
        this.largest = largest;
    }

    /** Returns once the item is committed; throws what recording it alone threw if it could not be. */
    public void submit(T item) {
        Pending<T> mine = new Pending<>(item);
        queued.add(mine);
        while (!mine.finished) {
            leader.lock();
            try {
                if (!mine.finished) {
                    record(next());
                }
            } finally {
                leader.unlock();
            }
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    /** Items queued and not yet taken into a group. */
    int waiting() {
        return queued.size();
    }

    private List<Pending<T>> next() {
        List<Pending<T>> group = new ArrayList<>();
        Pending<T> pending;
        while (group.size() < largest && (pending = queued.poll()) != null) {
            group.add(pending);
        }
        return group;
    }

    private void record(List<Pending<T>> group) {
        try {
            together.accept(group.stream().map(p -> p.item).toList());
            group.forEach(p -> p.finished = true);
            return;
        } catch (RuntimeException groupFailed) {
            if (TransientFailures.isDatabaseAway(groupFailed)) {
                group.forEach(p -> {
                    p.failure = groupFailed;
                    p.finished = true;
                });
                return;
            }
        } catch (Error groupFailed) {
            // each on its own below
        }
        for (Pending<T> pending : group) {
            try {
                alone.accept(pending.item);
            } catch (RuntimeException e) {
                pending.failure = e;
            } catch (Error e) {
                // Its caller must hear of it; an item left unfinished would have it wait for a group that never comes.
                pending.failure = new IllegalStateException(e);
            }
            pending.finished = true;
        }
    }

    private static final class Pending<T> {
        private final T item;
        // Written by the leader under the lock and read by the caller after it takes the lock itself, or here:
        // volatile, as a caller may read it while another thread still holds the lock.
        private volatile boolean finished;
        private volatile RuntimeException failure;

        private Pending(T item) {
            this.item = item;
        }
    }
}
