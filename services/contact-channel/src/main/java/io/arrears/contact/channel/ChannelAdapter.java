package io.arrears.contact.channel;

/**
 * One way of handing a message to a provider. Implementations talk the provider's protocol and
 * nothing else: whether to send, and what to do with the result, is decided by the dispatcher.
 */
public interface ChannelAdapter {

    /** The name configuration selects this adapter by, e.g. {@code smtp}. */
    String name();

    /** Hands the message over once. Called outside any transaction; must not retry by itself. */
    SendResult send(OutgoingMessage message);

    /**
     * What the provider knows of a message sent under this reminder id, asked after a send was
     * interrupted. Providers that cannot be asked answer {@link Lookup#unknowable()}.
     */
    Lookup lookup(String reminderId);
}
