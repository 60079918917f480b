package io.arrears.messaging;

import io.arrears.events.Event;

import java.util.List;

/**
 * One consumer of one event type: its stable name (it scopes de-duplication and marks its dead
 * letters) and the service operation it calls. A service's consumers list theirs in
 * {@link Subscriptions}, so that a dead letter can be re-applied by the consumer that refused it.
 *
 * @param batchHandler null, or the operation that applies a whole batch's new events at once;
 *                     {@code handler} then applies one event through it (one by one after a failed batch, replay),
 *                     unless {@link #aloneBy} names another
 * @param locksAccounts whether the handler locks the account its event is about, so the batch's can be locked at once
 * @param preparer     null, or what reads ahead for a transaction's events before {@code handler} applies them one at a time
 * @param withoutInbox  whether the handler's own rows de-duplicate its events, so the intake keeps no inbox row for them
 */
public record Subscription<T extends Event>(String consumer, Class<T> type, EventHandler<T> handler, BatchHandler<T> batchHandler,
                                            boolean locksAccounts, BatchHandler<T> preparer, boolean withoutInbox) {

    public static <T extends Event> Subscription<T> of(String consumer, Class<T> type, EventHandler<T> handler) {
        return new Subscription<>(consumer, type, handler, null, false, null, false);
    }

    /**
     * For a handler that locks its event's account ({@link AccountLock}) before anything else: the intake
     * then locks a whole batch's accounts in one statement before applying it, instead of one per event.
     */
    public Subscription<T> lockingEachAccount() {
        return new Subscription<>(consumer, type, handler, batchHandler, true, preparer, withoutInbox);
    }

    /**
     * For a handler that applies events one at a time: {@code prepare} is given a transaction's new events
     * first, after their accounts are locked, and reads in one query per table what the handler would
     * otherwise ask for each event (see {@link Absences}). It changes nothing the handler could not redo.
     */
    public Subscription<T> preparedBy(BatchHandler<T> prepare) {
        return new Subscription<>(consumer, type, handler, batchHandler, locksAccounts, prepare, withoutInbox);
    }

    /** A consumer that applies each consumed batch's new events in one call. */
    public static <T extends Event> Subscription<T> inBatches(String consumer, Class<T> type, BatchHandler<T> batchHandler) {
        return new Subscription<>(consumer, type, (event, headers) -> {
            batchHandler.handleAll(List.of(event));
            return Outcome.applied();
        }, batchHandler, false, null, false);
    }

    /**
     * For a batch consumer whose batch path does more than applying its events one by one would (it acts on them
     * together, or at once): how one event is applied alone, after its batch failed or when it is replayed from
     * the dead letters. By default the batch handler is given a batch of one.
     */
    public Subscription<T> aloneBy(EventHandler<T> alone) {
        return new Subscription<>(consumer, type, alone, batchHandler, locksAccounts, preparer, withoutInbox);
    }

    /**
     * For a handler whose writes are rows keyed by the event's own identity (a reminder's id and status, say)
     * that leave a row already there alone ({@code insert … on conflict do nothing}, or a look for the row first,
     * its key refusing a second one should two copies race), and changes of state the event can make only once
     * (a status its table lets it leave and never re-enter). The rows must outlive the topic's records, as an
     * inbox row does: they are what remembers the event. Applied a second time,
     * such an event writes nothing, so an inbox row would only repeat a key the handler's table already keeps,
     * and cost a row and an index entry per event. The intake keeps none for these events: a redelivery, or the
     * relay's second copy of one, reaches the handler again and changes nothing. A key twice in one batch still
     * reaches the handler once.
     */
    public Subscription<T> deduplicatedByItsRows() {
        return new Subscription<>(consumer, type, handler, batchHandler, locksAccounts, preparer, true);
    }
}
