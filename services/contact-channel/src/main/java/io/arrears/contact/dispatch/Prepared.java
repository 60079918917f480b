package io.arrears.contact.dispatch;

import io.arrears.contact.channel.OutgoingMessage;

import java.util.List;
import java.util.UUID;

/**
 * What one transaction marked SENDING, under a claim of its own: the messages to send once it commits. Should its
 * commit fail unanswered, the claim tells the attempts it did commit from any other transaction's
 * ({@link Dispatcher#committedAfterAll}).
 */
record Prepared(UUID claim, List<OutgoingMessage> messages) {

    static Prepared none() {
        return new Prepared(null, List.of());
    }
}
