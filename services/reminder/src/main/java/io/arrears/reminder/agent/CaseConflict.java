package io.arrears.reminder.agent;

import io.arrears.web.ConflictException;

/** The case is in a state where the request makes no sense (closed, on hold, already in a plan). */
public class CaseConflict extends ConflictException {
    public CaseConflict(String message) {
        super(message);
    }
}
