package io.arrears.agency.placement;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * ACTIVE: with an agency. RECALLED: back with the bank, for good (a re-placement is a new placement).
 * UNPLACED: no agency qualified when the case escalated; the reason is kept for the supervisor.
 */
public enum PlacementStatus {
    ACTIVE, RECALLED, UNPLACED;

    private static final Map<PlacementStatus, Set<PlacementStatus>> NEXT = Map.of(
            ACTIVE, EnumSet.of(RECALLED),
            RECALLED, EnumSet.noneOf(PlacementStatus.class),
            UNPLACED, EnumSet.noneOf(PlacementStatus.class));

    public boolean canMoveTo(PlacementStatus next) {
        return NEXT.get(this).contains(next);
    }
}
