package io.arrears.reminder.strategy;

import java.util.List;

/** The configured strategy cannot be used; every problem found is listed, not only the first. */
class InvalidStrategyException extends RuntimeException {

    private final List<String> problems;

    public InvalidStrategyException(List<String> problems) {
        super("the treatment strategy (reminder.strategy.*) is invalid:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
