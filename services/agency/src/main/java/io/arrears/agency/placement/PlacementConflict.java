package io.arrears.agency.placement;

/** The placement is not in a state that allows the request, e.g. an action on a recalled account. */
public class PlacementConflict extends RuntimeException {

    public PlacementConflict(String message) {
        super(message);
    }
}
