package io.arrears.agency.actions;

/** A report that contradicts itself or the bank's records; {@code field} names what is wrong. */
public class InvalidReport extends RuntimeException {

    private final String field;

    public InvalidReport(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
