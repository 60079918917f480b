package io.arrears.messaging;

import io.arrears.events.Event;

/**
 * One consumer of one event type: its stable name (it scopes de-duplication and marks its dead
 * letters) and the service operation it calls. A service's consumers list theirs in
 * {@link Subscriptions}, so that a dead letter can be re-applied by the consumer that refused it.
 */
public record Subscription<T extends Event>(String consumer, Class<T> type, EventHandler<T> handler) {

    public static <T extends Event> Subscription<T> of(String consumer, Class<T> type, EventHandler<T> handler) {
        return new Subscription<>(consumer, type, handler);
    }
}
