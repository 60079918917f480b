package io.arrears.agency.actions;

/** The action is not in a state that allows the request, e.g. an outcome reported twice. */
public class ActionConflict extends RuntimeException {

    public ActionConflict(String message) {
        super(message);
    }
}
