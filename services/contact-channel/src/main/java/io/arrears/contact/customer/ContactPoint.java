package io.arrears.contact.customer;

import io.arrears.events.Channel;

/**
 * Where one channel reaches the cardholder. {@code address} goes to the provider and nowhere else;
 * {@code masked} is what logs, views and the attempt row show.
 */
public record ContactPoint(Channel channel, String address, String masked, String recipientName) {

    @Override
    public String toString() {
        return channel + " " + masked;
    }
}
