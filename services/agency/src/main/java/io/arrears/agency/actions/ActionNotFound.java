package io.arrears.agency.actions;

/** No such action of the caller's agency. */
public class ActionNotFound extends RuntimeException {

    public ActionNotFound(String id) {
        super("no action " + id);
    }
}
