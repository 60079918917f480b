package io.arrears.agency.placement;

/** No such placement, or (to an agency) none of its own by that id: the two are not told apart. */
public class PlacementNotFound extends RuntimeException {

    public PlacementNotFound(String id) {
        super("no placement " + id);
    }
}
