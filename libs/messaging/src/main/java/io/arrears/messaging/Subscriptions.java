package io.arrears.messaging;

import java.util.List;

/** Implemented by each class of consumers: what it subscribes to, for {@link DeadLetterReplay}. */
public interface Subscriptions {

    List<Subscription<?>> subscriptions();
}
