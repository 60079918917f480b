package io.arrears.agency.placement;

/** A placement asked to move where its status table does not allow. */
public class IllegalTransition extends RuntimeException {

    public IllegalTransition(String what, Enum<?> from, Enum<?> to) {
        super(what + " cannot move from " + from + " to " + to);
    }
}
