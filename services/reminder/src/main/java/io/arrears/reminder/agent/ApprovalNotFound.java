package io.arrears.reminder.agent;

/** No plan approval has the id asked for. */
public class ApprovalNotFound extends RuntimeException {
    public ApprovalNotFound(String id) {
        super("plan approval " + id + " is not known");
    }
}
