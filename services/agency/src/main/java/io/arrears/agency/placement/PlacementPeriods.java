package io.arrears.agency.placement;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Ends placements whose period is over, in batches, on the clock every service reads. */
@ApplicationScoped
public class PlacementPeriods {

    private static final int BATCH = 200;

    private final Placements placements;

    PlacementPeriods(Placements placements) {
        this.placements = placements;
    }

    @Scheduled(every = "${agency.placement.check-every}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void check() {
        int ended;
        do {
            ended = QuarkusTransaction.requiringNew().call(() -> placements.endPeriods(BATCH));
        } while (ended == BATCH);
    }
}
