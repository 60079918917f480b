package io.arrears.contact.customer;

import io.arrears.events.ComplaintOpened;
import io.arrears.events.ComplaintResolved;
import io.arrears.messaging.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;

/** Complaints that hold contact: while one is open for an account, the guard suppresses every attempt. */
@ApplicationScoped
public class ContactHolds {

    private final CustomerRepositories.Holds holds;
    private final Clock clock;

    ContactHolds(CustomerRepositories.Holds holds, Clock clock) {
        this.holds = holds;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome opened(ComplaintOpened opened) {
        if (!opened.holdsContact() || holds.findById(opened.complaintId()) != null) {
            return Outcome.applied();
        }
        ContactHold hold = new ContactHold();
        hold.complaintId = opened.complaintId();
        hold.accountId = opened.accountId();
        hold.openedAt = opened.openedAt() != null ? opened.openedAt() : OffsetDateTime.now(clock);
        holds.persist(hold);
        return Outcome.applied();
    }

    /** A resolution may arrive before its opening (different partitions); it then leaves a released hold behind. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome resolved(ComplaintResolved resolved) {
        ContactHold hold = holds.findById(resolved.complaintId());
        OffsetDateTime releasedAt = resolved.resolvedAt() != null ? resolved.resolvedAt() : OffsetDateTime.now(clock);
        if (hold == null) {
            hold = new ContactHold();
            hold.complaintId = resolved.complaintId();
            hold.accountId = resolved.accountId();
            hold.openedAt = releasedAt;
            hold.releasedAt = releasedAt;
            holds.persist(hold);
        } else if (hold.releasedAt == null) {
            hold.releasedAt = releasedAt;
        }
        return Outcome.applied();
    }
}
