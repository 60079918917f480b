package io.arrears.messaging;

/** What a service made of one event: applied, or refused as bad input (it then goes to the dead-letter topic). */
public sealed interface Outcome {

    Outcome APPLIED = new Applied();

    static Outcome applied() {
        return APPLIED;
    }

    static Outcome rejected(String reason) {
        return new Rejected(reason);
    }

    record Applied() implements Outcome {
    }

    record Rejected(String reason) implements Outcome {
    }
}
