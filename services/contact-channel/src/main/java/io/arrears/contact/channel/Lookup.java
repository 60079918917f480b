package io.arrears.contact.channel;

/** The provider's answer to "did you take reminder X?" after an interrupted send. */
public record Lookup(Answer answer, String providerMessageId) {

    public enum Answer { FOUND, NOT_FOUND, UNKNOWABLE }

    public static Lookup found(String providerMessageId) {
        return new Lookup(Answer.FOUND, providerMessageId);
    }

    public static Lookup notFound() {
        return new Lookup(Answer.NOT_FOUND, null);
    }

    public static Lookup unknowable() {
        return new Lookup(Answer.UNKNOWABLE, null);
    }
}
