package io.arrears.agency.actions;

import io.arrears.events.AgencyAction;
import io.arrears.events.AgencyOutcome;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One action an agency asked to take, with the rules' answer and, once reported, its outcome. */
@Entity
@Table(name = "agency_action")
public class AgencyActionRow {

    @Id
    public String id;
    public String placementId;
    public String agencyId;
    public String accountId;
    public String customerId;
    @Enumerated(EnumType.STRING)
    public AgencyAction action;
    public String numberDigest;
    @Enumerated(EnumType.STRING)
    private ActionStatus status;
    public String rule;
    public String detail;
    @Enumerated(EnumType.STRING)
    public AgencyOutcome outcome;
    public Boolean conversation;
    public BigDecimal promisedAmount;
    public LocalDate promisedDate;
    /** The bank's clock when the agency asked, never a time the agency states. */
    public OffsetDateTime actedAt;
    public OffsetDateTime reportedAt;
    public String requestedBy;

    public ActionStatus status() {
        return status;
    }

    void start(ActionStatus initial) {
        if (status != null) {
            throw new IllegalStateException("action " + id + " is already " + status);
        }
        status = initial;
    }

    void moveTo(ActionStatus next) {
        if (!status.canMoveTo(next)) {
            throw new ActionConflict("action " + id + " is " + status + "; it cannot become " + next);
        }
        status = next;
    }
}
