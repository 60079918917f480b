package io.arrears.reminder.agent;

import jakarta.ws.rs.NotFoundException;

public class CaseNotFound extends NotFoundException {
    public CaseNotFound(String caseId) {
        super("case " + caseId + " is not known");
    }
}
