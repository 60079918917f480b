package io.arrears.contact.channel;

/**
 * How a provider took a message: ACCEPTED with its message id; TRANSIENT when trying again later may
 * work (connection refused, throttled, 5xx); REJECTED when it never will (invalid number, 4xx).
 */
public record SendResult(Kind kind, String providerMessageId, String error) {

    public enum Kind { ACCEPTED, TRANSIENT, REJECTED }

    public static SendResult accepted(String providerMessageId) {
        return new SendResult(Kind.ACCEPTED, providerMessageId, null);
    }

    public static SendResult transientFailure(String error) {
        return new SendResult(Kind.TRANSIENT, null, error);
    }

    public static SendResult rejected(String error) {
        return new SendResult(Kind.REJECTED, null, error);
    }
}
