package io.arrears.reminder.lifecycle;

import io.arrears.events.AccountPlaced;
import io.arrears.events.AccountRecalled;
import io.arrears.events.AgencyActionReported;
import io.arrears.messaging.Outcome;
import io.arrears.reminder.cases.Actor;
import io.arrears.reminder.cases.CaseRepository;
import io.arrears.reminder.cases.CaseTimeline;
import io.arrears.reminder.cases.TimelineKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * What the agency service reports about an escalated case goes on the case's timeline, so the agent and
 * the supervisor see the agency's work beside the bank's: the placement, each action and its outcome,
 * and the recall with its reason.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AgencyWork {

    private final CaseRepository cases;
    private final CaseTimeline timeline;

    AgencyWork(CaseRepository cases, CaseTimeline timeline) {
        this.cases = cases;
        this.timeline = timeline;
    }

    public Outcome placed(AccountPlaced e) {
        return record(e.caseId(), "AccountPlaced", "placed with agency " + e.agencyId() + " (" + e.arm().toLowerCase() + ") until "
                + e.placedUntil().toLocalDate() + " as " + e.placementId());
    }

    public Outcome recalled(AccountRecalled e) {
        return record(e.caseId(), "AccountRecalled", "recalled from agency " + e.agencyId() + ": " + e.reason() + " (" + e.detail() + ")");
    }

    public Outcome acted(AgencyActionReported e) {
        String promise = e.promisedAmount() == null ? "" : " of " + e.promisedAmount().toPlainString() + " " + e.currency() + " by " + e.promisedDate();
        return record(e.caseId(), "AgencyActionReported", "agency " + e.agencyId() + ": " + e.action() + ", " + e.outcome() + promise);
    }

    private Outcome record(String caseId, String event, String detail) {
        // A case this service does not know (never escalated here) has no timeline to write on.
        if (cases.findById(caseId) != null) {
            timeline.record(caseId, Actor.event(event), TimelineKind.AGENCY, detail);
        }
        return Outcome.applied();
    }
}
