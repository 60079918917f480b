package io.arrears.reminder.cases;

import java.util.Objects;

/**
 * Who changed a case: the event that caused it, the agent who did it, or the service's own schedule.
 * The timeline keeps the kind beside the name, so "an agent did this" is a query, not a guess from a string.
 */
public record Actor(Kind kind, String name) {

    public static final Actor SYSTEM = new Actor(Kind.SYSTEM, "system");

    public enum Kind { EVENT, AGENT, SYSTEM }

    public Actor {
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an actor has a name");
        }
    }

    /** An event from another service, named by its contract type ({@code PaymentMissed}). */
    public static Actor event(String type) {
        return new Actor(Kind.EVENT, type);
    }

    /** A person, named by the subject of their token. */
    public static Actor agent(String subject) {
        return new Actor(Kind.AGENT, subject);
    }

    /** The same cause, told apart in the timeline ({@code PaymentReceived (arrived before its PaymentMissed)}). */
    public Actor because(String circumstance) {
        return new Actor(kind, name + " (" + circumstance + ")");
    }

    @Override
    public String toString() {
        return name;
    }
}
