package io.arrears.agency.actions;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** ALLOWED: the rules let the agency act; REPORTED: it said what came of it; REFUSED: the rules did not. */
public enum ActionStatus {
    ALLOWED, REPORTED, REFUSED;

    private static final Map<ActionStatus, Set<ActionStatus>> NEXT = Map.of(
            ALLOWED, EnumSet.of(REPORTED),
            REPORTED, EnumSet.noneOf(ActionStatus.class),
            REFUSED, EnumSet.noneOf(ActionStatus.class));

    public boolean canMoveTo(ActionStatus next) {
        return NEXT.get(this).contains(next);
    }
}
