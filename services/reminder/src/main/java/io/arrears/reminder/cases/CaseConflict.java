package io.arrears.reminder.cases;

/** The case is in a state where the request makes no sense (closed, on hold, already in a plan). */
public class CaseConflict extends RuntimeException {
    public CaseConflict(String message) {
        super(message);
    }
}
