package io.arrears.reminder.negotiation;

/** Plan terms that cannot be agreed as asked; {@code field} names the request field at fault. */
public class PlanRefused extends RuntimeException {

    private final String field;

    public PlanRefused(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
