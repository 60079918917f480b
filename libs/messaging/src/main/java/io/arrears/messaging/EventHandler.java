package io.arrears.messaging;

import io.arrears.events.CloudEventHeaders;
import io.arrears.events.Event;

/** The one service method a consumer calls for each event; it runs inside the consumer's transaction. */
@FunctionalInterface
public interface EventHandler<T extends Event> {

    Outcome handle(T event, CloudEventHeaders headers);
}
