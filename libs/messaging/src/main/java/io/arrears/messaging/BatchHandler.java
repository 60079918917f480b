package io.arrears.messaging;

import io.arrears.events.Event;

import java.util.List;

/**
 * A service method that applies a consumed batch's new events together, inside the batch's transaction.
 * For consumers whose work per event is a row appended or replaced: one statement for the whole batch
 * instead of a lookup and a write per event. The events arrive in key order, each key's in offset order.
 * It refuses nothing: an event it cannot apply fails the batch, which is then applied one event at a time.
 */
@FunctionalInterface
public interface BatchHandler<T extends Event> {

    void handleAll(List<T> events);
}
