package io.arrears.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Records that arrive on several threads at once, each of which must be committed before its caller may answer
 * (a provider's receipt is acknowledged only once recorded), committed together. A thread of its own records
 * everything queued by then in one transaction, so while one group commits, the next gathers.
 *
 * <p>If a group fails, its items are recorded one at a time, each in its own transaction, and only the one that
 * fails alone fails its caller: a bad receipt costs its own retry and no one else's. If it failed because the
 * database is away, every item fails its caller at once, and for a moment ({@code awayPause}) new items are refused
 * without being tried: one at a time they would only fail again, each after its own wait for a connection. So are
 * new items while a group has been committing for longer than a caller waits: they would give up before their turn.
 *
 * <p>A caller waits at most {@code answerWithin}, however long the database takes. The callers are an SMS centre's
 * session threads, which also carry the answers to our sends: a receipt held for as long as a connection takes to
 * fail (seconds, while PostgreSQL restarts) made those answers late, and the sends they answered ambiguous. A caller
 * that stops waiting is refused ({@link NotRecorded}) and its provider sends the item again; if the group commits
 * after all, the item is recorded twice, which recording must bear (a repeated receipt changes nothing).
 */
public final class GroupCommit<T> implements AutoCloseable {

    private final Consumer<List<T>> together;
    private final Consumer<T> alone;
    private final int largest;
    private final long answerWithinNanos;
    private final long awayPauseNanos;
    private final LinkedBlockingQueue<Pending<T>> queued = new LinkedBlockingQueue<>();
    private final Thread committer;
    private volatile long refuseUntil = System.nanoTime();
    private volatile boolean committing;
    private volatile long committingSince;
    private volatile boolean closed;

    /**
     * @param name         names the committing thread
     * @param together     records a group in one transaction of its own
     * @param alone        records one item in one transaction of its own, after its group failed
     * @param largest      the most items one transaction takes
     * @param answerWithin the longest a caller waits for its item to be committed
     * @param awayPause    how long items are refused at once after a group found the database away
     */
    public GroupCommit(String name, Consumer<List<T>> together, Consumer<T> alone, int largest, Duration answerWithin, Duration awayPause) {
        this.together = together;
        this.alone = alone;
        this.largest = largest;
        this.answerWithinNanos = answerWithin.toNanos();
        this.awayPauseNanos = awayPause.toNanos();
        this.committer = new Thread(this::commitWhileOpen, "group-commit-" + name);
        committer.setDaemon(true);
        committer.start();
    }

    /**
     * Returns once the item is committed. Throws {@link NotRecorded} when it was not committed in time or the database
     * is away, or what recording it alone threw if it could not be.
     */
    public void submit(T item) {
        if (closed) {
            throw new NotRecorded("closed");
        }
        long now = System.nanoTime();
        if (now - refuseUntil < 0) {
            throw new NotRecorded("the database was found away a moment ago");
        }
        if (committing && now - committingSince > answerWithinNanos) {
            // Queued, it would wait for that group and then for its own, and give up first.
            throw new NotRecorded("the database has not answered a group for longer than " + Duration.ofNanos(answerWithinNanos));
        }
        Pending<T> mine = new Pending<>(item);
        queued.add(mine);
        try {
            mine.done.get(answerWithinNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new NotRecorded("not committed within " + Duration.ofNanos(answerWithinNanos) + "; it may be yet");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotRecorded("interrupted");
        }
    }

    /** Items queued and not yet taken into a group. */
    int waiting() {
        return queued.size();
    }

    /** Items still queued are refused; a group being committed is let finish. */
    @Override
    public void close() {
        closed = true;
        Pending<T> left;
        while ((left = queued.poll()) != null) {
            left.done.completeExceptionally(new NotRecorded("closed"));
        }
    }

    private void commitWhileOpen() {
        while (!closed) {
            List<Pending<T>> group = new ArrayList<>();
            try {
                // Not interrupted to stop: an interrupt could land in the middle of a group's commit.
                Pending<T> first = queued.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
            } catch (InterruptedException e) {
                return;
            }
            queued.drainTo(group, largest - 1);
            committingSince = System.nanoTime();
            committing = true;
            try {
                record(group);
            } finally {
                committing = false;
            }
        }
    }

    private void record(List<Pending<T>> group) {
        try {
            together.accept(group.stream().map(p -> p.item).toList());
            group.forEach(p -> p.done.complete(null));
            return;
        } catch (RuntimeException groupFailed) {
            if (TransientFailures.isDatabaseAway(groupFailed)) {
                refuseUntil = System.nanoTime() + awayPauseNanos;
                NotRecorded away = new NotRecorded("the database is away: " + groupFailed.getMessage(), groupFailed);
                group.forEach(p -> p.done.completeExceptionally(away));
                return;
            }
        } catch (Error groupFailed) {
            // each on its own below
        }
        for (Pending<T> pending : group) {
            try {
                alone.accept(pending.item);
                pending.done.complete(null);
            } catch (RuntimeException e) {
                pending.done.completeExceptionally(e);
            } catch (Error e) {
                // Its caller must hear of it, and the thread must go on for the callers after it.
                pending.done.completeExceptionally(new IllegalStateException(e));
            }
        }
    }

    /** The item was not committed for its caller: refuse it, so that its sender tries again. */
    public static final class NotRecorded extends RuntimeException {
        NotRecorded(String why) {
            super(why);
        }

        NotRecorded(String why, Throwable cause) {
            super(why, cause);
        }
    }

    private record Pending<T>(T item, CompletableFuture<Void> done) {
        private Pending(T item) {
            this(item, new CompletableFuture<>());
        }
    }
}
