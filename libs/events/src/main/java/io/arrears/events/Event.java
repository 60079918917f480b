package io.arrears.events;

/** An event contract. Its key keeps one account's events on one partition, in order. */
public interface Event {

    String key();

    /** The account the event is about, the CloudEvents subject; null for events about no single account. */
    default String subject() {
        return key();
    }
}
