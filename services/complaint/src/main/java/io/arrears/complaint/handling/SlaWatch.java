package io.arrears.complaint.handling;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/** Looks for complaints whose acknowledgement or resolution fell due unmet, and flags (and escalates) them. */
@ApplicationScoped
public class SlaWatch {

    private final ComplaintRepository complaints;
    private final Complaints workflow;
    private final Clock clock;

    SlaWatch(ComplaintRepository complaints, Complaints workflow, Clock clock, MeterRegistry registry) {
        this.complaints = complaints;
        this.workflow = workflow;
        this.clock = clock;
        Gauge.builder("arrears.complaint.sla.breached.open", () -> QuarkusTransaction.requiringNew().call(complaints::openBreached))
                .description("open complaints past an SLA").register(registry);
    }

    @Scheduled(every = "${complaint.sla.check-every}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        check();
    }

    /** Flags every complaint due by now; returns how many it looked at. */
    public int check() {
        List<String> due = QuarkusTransaction.requiringNew().call(() -> complaints.newlyBreached(OffsetDateTime.now(clock)));
        due.forEach(workflow::checkSla);
        return due.size();
    }
}
