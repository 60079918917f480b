package io.arrears.console.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/** The choices the queues offer: case states and the strategy's bucket labels, from configuration. */
@Named("filters")
@ApplicationScoped
public class Filters {

    private final List<String> states;
    private final List<String> buckets;
    private final List<String> complaintStates;

    Filters(@ConfigProperty(name = "console.filters.states") List<String> states,
            @ConfigProperty(name = "console.filters.buckets") List<String> buckets,
            @ConfigProperty(name = "console.filters.complaint-states") List<String> complaintStates) {
        this.states = states;
        this.buckets = buckets;
        this.complaintStates = complaintStates;
    }

    public List<String> states() {
        return states;
    }

    public List<String> buckets() {
        return buckets;
    }

    /** A call's outcomes, as the reminder service takes them. */
    public List<String> outcomes() {
        return List.of("REACHED", "NO_ANSWER", "WRONG_NUMBER", "REFUSED", "DISPUTE", "PROMISE_TO_PAY");
    }

    public List<String> planTypes() {
        return List.of("INSTALMENTS", "DEFERRAL", "SETTLEMENT");
    }

    public List<String> complaintStates() {
        return complaintStates;
    }
}
