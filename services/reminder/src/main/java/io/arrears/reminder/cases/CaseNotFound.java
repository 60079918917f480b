package io.arrears.reminder.cases;

/** No case has the id asked for. */
public class CaseNotFound extends RuntimeException {
    public CaseNotFound(String caseId) {
        super("case " + caseId + " is not known");
    }
}
