package io.arrears.contact.channel;

/**
 * How a provider took a message: ACCEPTED with its message id; TRANSIENT when it certainly did not take
 * it and trying again later may work (connection refused, throttled, 5xx); REJECTED when it never will
 * (invalid number, 4xx); AMBIGUOUS when the message may have reached it (no answer after the request went
 * out: an SMPP response timeout, an HTTP read timeout, an SMTP connection lost without a reply). An
 * ambiguous send is never simply tried again: it is reconciled with the provider, or left UNKNOWN.
 */
public record SendResult(Kind kind, String providerMessageId, String error) {

    public enum Kind { ACCEPTED, TRANSIENT, REJECTED, AMBIGUOUS }

    public static SendResult accepted(String providerMessageId) {
        return new SendResult(Kind.ACCEPTED, providerMessageId, null);
    }

    public static SendResult transientFailure(String error) {
        return new SendResult(Kind.TRANSIENT, null, error);
    }

    public static SendResult ambiguous(String error) {
        return new SendResult(Kind.AMBIGUOUS, null, error);
    }

    public static SendResult rejected(String error) {
        return new SendResult(Kind.REJECTED, null, error);
    }
}
