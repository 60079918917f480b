package io.arrears.complaint.handling;

import io.arrears.complaint.config.ComplaintConfig;
import io.arrears.complaint.evidence.BreachCheck;
import io.arrears.complaint.evidence.ContactEvent;
import io.arrears.complaint.evidence.ContactHistory;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * What the bank did, as evidence for a complaint: every contact with the account from
 * {@code complaint.evidence.lookback} before receipt until resolution (or now), and those that broke the
 * contact rules in the cardholder's time zone.
 */
@ApplicationScoped
public class ComplaintEvidence {

    /** The period looked at, its contacts, and the rule each flagged contact broke. */
    public record Evidence(ZoneId zone, OffsetDateTime from, OffsetDateTime to, List<ContactEvent> contacts, List<BreachCheck.Flag> flags) {
    }

    private final ContactHistory history;
    private final BreachCheck breachCheck;
    private final ComplaintConfig config;
    private final Clock clock;

    ComplaintEvidence(ContactHistory history, BreachCheck breachCheck, ComplaintConfig config, Clock clock) {
        this.history = history;
        this.breachCheck = breachCheck;
        this.config = config;
        this.clock = clock;
    }

    public Evidence of(Complaint c) {
        ZoneId zone = c.cardholderTimezone != null ? ZoneId.of(c.cardholderTimezone) : ZoneId.of(config.evidence().defaultTimezone());
        OffsetDateTime from = c.receivedAt.minus(config.evidence().lookback());
        OffsetDateTime to = c.resolvedAt != null ? c.resolvedAt : OffsetDateTime.now(clock);
        List<ContactEvent> events = history.events(c.accountId, from, to);
        return new Evidence(zone, from, to, events, breachCheck.check(ContactHistory.contacts(events), zone));
    }
}
