package io.arrears.agency.actions;

import io.arrears.agency.config.AgencyConfig;
import io.arrears.agency.placement.Placement;
import io.arrears.agency.placement.PlacementNotFound;
import io.arrears.agency.placement.PlacementRepository;
import io.arrears.agency.records.AccountFile;
import io.arrears.agency.records.BankRecords;
import io.arrears.agency.records.CustomerFile;
import io.arrears.agency.records.PhoneDigests;
import io.arrears.agency.whitelist.AgencyTerms;
import io.arrears.agency.whitelist.Whitelist;
import io.arrears.events.AgencyAction;
import io.arrears.events.AgencyActionReported;
import io.arrears.events.AgencyOutcome;
import io.arrears.events.Channel;
import io.arrears.events.TimeOrderedIds;
import io.arrears.messaging.AccountLock;
import io.arrears.messaging.Outbox;
import io.arrears.rules.Circumstances;
import io.arrears.rules.ComplianceGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An agency's work on its placements: asking to act (judged by {@link ActionGate} on the bank's records
 * at the bank's time), reporting what came of it, and saying what it collected. Each agency reaches only
 * its own placements; another's is "not found", so an agency cannot even learn that it exists.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AgencyActions {

    public static final String RECALLED = "RECALLED";
    private static final Set<AgencyOutcome> CALL_OUTCOMES = EnumSet.of(AgencyOutcome.CONVERSATION, AgencyOutcome.PROMISE_TO_PAY,
            AgencyOutcome.REFUSED_TO_PAY, AgencyOutcome.DISPUTED, AgencyOutcome.NO_ANSWER);
    private static final Set<AgencyOutcome> VISIT_OUTCOMES = EnumSet.of(AgencyOutcome.CONVERSATION, AgencyOutcome.PROMISE_TO_PAY,
            AgencyOutcome.REFUSED_TO_PAY, AgencyOutcome.DISPUTED, AgencyOutcome.NOBODY_HOME);

    private final PlacementRepository placements;
    private final Whitelist whitelist;
    private final BankRecords records;
    private final EntityManager entityManager;
    private final Outbox outbox;
    private final AccountLock lock;
    private final Clock clock;
    private final ActionGate gate;
    private final ComplianceGuard guard;
    private final AgencyConfig config;
    private final PhoneDigests digests;

    AgencyActions(PlacementRepository placements, Whitelist whitelist, BankRecords records, EntityManager entityManager, Outbox outbox,
                  AccountLock lock, Clock clock, ComplianceGuard guard, AgencyConfig config, PhoneDigests digests) {
        this.placements = placements;
        this.whitelist = whitelist;
        this.records = records;
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.lock = lock;
        this.clock = clock;
        this.guard = guard;
        this.config = config;
        this.digests = digests;
        this.gate = new ActionGate(guard, config.actions().visits().max(), config.actions().visits().per());
    }

    /** The agency's own placement; any other is not found. */
    public Placement placementOf(String agencyId, String placementId) {
        Placement p = placements.findById(placementId);
        if (p == null || !agencyId.equals(p.agencyId)) {
            throw new PlacementNotFound(placementId);
        }
        return p;
    }

    /** The action as judged: ALLOWED, or REFUSED with the rule (recorded either way). */
    public AgencyActionRow request(String agencyId, String user, String placementId, AgencyAction action, String number) {
        Placement p = placementOf(agencyId, placementId);
        lock.acquire(p.accountId);
        if ((action == AgencyAction.CALL || action == AgencyAction.SMS) && (number == null || number.isBlank())) {
            throw new InvalidReport("number", "is required for a " + action);
        }
        Instant now = clock.instant();
        AgencyActionRow row = new AgencyActionRow();
        row.id = "ACT-" + TimeOrderedIds.next();
        row.placementId = p.id;
        row.agencyId = agencyId;
        row.accountId = p.accountId;
        row.action = action;
        row.actedAt = OffsetDateTime.now(clock);
        row.requestedBy = user;
        row.numberDigest = number == null || number.isBlank() ? null : digests.of(number);
        AccountFile account = records.account(p.accountId).orElse(null);
        row.customerId = account == null ? null : account.customerId;
        ActionGate.Verdict verdict = p.active() ? gate.decide(facts(p, action, number, account, now), now)
                : new ActionGate.Verdict(false, RECALLED, "the account was recalled (" + p.recallReason + ") at " + p.recalledAt
                + "; the agency may no longer act on it");
        row.rule = verdict.rule();
        row.detail = verdict.detail();
        row.start(verdict.allowed() ? ActionStatus.ALLOWED : ActionStatus.REFUSED);
        entityManager.persist(row);
        if (verdict.allowed()) {
            // Counted at once, before the outcome is known, so the next request already sees this contact.
            records.log(row.id, p.accountId, channelName(action), row.numberDigest, false, false, row.actedAt);
        }
        return row;
    }

    public AgencyActionRow report(String agencyId, String actionId, AgencyOutcome outcome, BigDecimal promisedAmount, LocalDate promisedDate) {
        AgencyActionRow row = Optional.ofNullable(entityManager.find(AgencyActionRow.class, actionId))
                .filter(a -> a.agencyId.equals(agencyId)).orElseThrow(() -> new ActionNotFound(actionId));
        lock.acquire(row.accountId);
        if (row.status() != ActionStatus.ALLOWED) {
            throw new ActionConflict("action " + actionId + " is " + row.status() + (row.rule == null ? "" : " (" + row.rule + ")")
                    + "; only an allowed action has an outcome to report");
        }
        check(row.action, outcome);
        Placement p = placements.findById(row.placementId);
        if (outcome == AgencyOutcome.PROMISE_TO_PAY) {
            checkPromise(p, promisedAmount, promisedDate);
        } else if (promisedAmount != null || promisedDate != null) {
            throw new InvalidReport("promisedAmount", "is only for a PROMISE_TO_PAY");
        }
        row.moveTo(ActionStatus.REPORTED);
        row.outcome = outcome;
        row.conversation = outcome.conversation();
        row.promisedAmount = promisedAmount;
        row.promisedDate = promisedDate;
        row.reportedAt = OffsetDateTime.now(clock);
        boolean answered = outcome != AgencyOutcome.NO_ANSWER && outcome != AgencyOutcome.NOBODY_HOME;
        records.log(row.id, row.accountId, channelName(row.action), row.numberDigest, answered, outcome.conversation(), row.actedAt);
        outbox.add(new AgencyActionReported(row.id, row.placementId, p.caseId, row.accountId, row.customerId == null ? "unknown" : row.customerId,
                agencyId, row.action, outcome, outcome.conversation(), promisedAmount, promisedDate, p.currency, row.actedAt));
        return row;
    }

    public AgencyClaim claim(String agencyId, String placementId, String reference, BigDecimal amount, LocalDate collectedOn) {
        Placement p = placementOf(agencyId, placementId);
        List<AgencyClaim> same = entityManager.createQuery("from AgencyClaim where agencyId = :a and reference = :r", AgencyClaim.class)
                .setParameter("a", agencyId).setParameter("r", reference).getResultList();
        if (!same.isEmpty()) {
            AgencyClaim earlier = same.get(0);
            if (earlier.placementId.equals(placementId) && earlier.amount.compareTo(amount) == 0) {
                return earlier;
            }
            throw new ActionConflict("collection " + reference + " was already reported with other figures");
        }
        AgencyClaim c = new AgencyClaim();
        c.id = "CLM-" + TimeOrderedIds.next();
        c.placementId = p.id;
        c.agencyId = agencyId;
        c.reference = reference;
        c.amount = amount;
        c.currency = p.currency;
        c.collectedOn = collectedOn;
        c.reportedAt = OffsetDateTime.now(clock);
        entityManager.persist(c);
        return c;
    }

    public List<AgencyActionRow> actionsOn(String placementId) {
        return entityManager.createQuery("from AgencyActionRow where placementId = :p order by actedAt, id", AgencyActionRow.class)
                .setParameter("p", placementId).getResultList();
    }

    /** The agency's terms, for what its contract lets it see. */
    public AgencyTerms terms(String agencyId) {
        return whitelist.find(agencyId).orElseThrow(() -> new PlacementNotFound("of agency " + agencyId));
    }

    private ActionGate.Facts facts(Placement p, AgencyAction action, String number, AccountFile account, Instant now) {
        AgencyTerms terms = terms(p.agencyId);
        Optional<CustomerFile> customer = account == null ? Optional.empty() : records.customer(account.customerId);
        ZoneId zone = zone(customer.map(c -> c.timezone).orElse(null));
        boolean own = switch (action) {
            case CALL, SMS -> number != null && customer.map(c -> c.phoneList().stream()
                    .anyMatch(n -> PhoneDigests.normalise(n).equals(PhoneDigests.normalise(number)))).orElse(false);
            case LETTER, VISIT -> customer.map(c -> c.address != null && !c.address.isBlank()).orElse(false);
        };
        Channel channel = ActionGate.channelOf(action);
        int inCapPeriod = channel == null ? 0 : guard.pack().cap(channel)
                .map(cap -> (int) records.contactsSince(p.accountId, List.of(channel.name()), now.minus(cap.per()))).orElse(0);
        Instant startOfDay = ComplianceGuard.startOfDay(now, zone);
        int today = (int) records.contactsSince(p.accountId, guard.pack().dailyCapChannels().stream().map(Enum::name).toList(), startOfDay);
        Circumstances.Calls calls = action != AgencyAction.CALL ? Circumstances.Calls.NONE
                : new Circumstances.Calls(records.unansweredCallsTo(digests.of(number), startOfDay),
                records.conversationsWith(account == null ? null : account.customerId, p.accountId, startOfDay), records.lastConversation(p.accountId));
        int visits = (int) records.contactsSince(p.accountId, List.of(AgencyAction.VISIT.name()), now.minus(gate.visitPeriod()));
        return new ActionGate.Facts(action, terms.channels(), terms.underContract(LocalDate.ofInstant(now, ZoneId.of(config.placement().zone()))),
                zone, own, customer.map(c -> c.doNotContact).orElse(false), account != null && account.held(), inCapPeriod, today, calls, visits,
                customer.map(c -> action == AgencyAction.CALL ? c.voiceConsent : action == AgencyAction.SMS ? c.smsConsent : null).orElse(null));
    }

    private ZoneId zone(String timezone) {
        try {
            return ZoneId.of(timezone == null ? config.placement().defaultTimezone() : timezone);
        } catch (DateTimeException e) {
            return ZoneId.of(config.placement().defaultTimezone());
        }
    }

    private void check(AgencyAction action, AgencyOutcome outcome) {
        boolean fits = switch (action) {
            case CALL -> CALL_OUTCOMES.contains(outcome);
            case VISIT -> VISIT_OUTCOMES.contains(outcome);
            case SMS, LETTER -> outcome == AgencyOutcome.SENT;
        };
        if (!fits) {
            throw new InvalidReport("outcome", outcome + " is not an outcome of a " + action);
        }
    }

    private void checkPromise(Placement p, BigDecimal amount, LocalDate date) {
        if (amount == null || amount.signum() <= 0) {
            throw new InvalidReport("promisedAmount", "is required and must be positive for a PROMISE_TO_PAY");
        }
        if (date == null) {
            throw new InvalidReport("promisedDate", "is required for a PROMISE_TO_PAY");
        }
        BigDecimal overdue = records.account(p.accountId).map(a -> a.amountOverdue).orElse(p.amountOverdue);
        if (amount.compareTo(overdue) > 0) {
            throw new InvalidReport("promisedAmount", amount.toPlainString() + " is more than the " + overdue.toPlainString() + " overdue");
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(config.placement().zone())));
        int maxDays = config.actions().promiseMaxDays();
        if (date.isBefore(today) || date.isAfter(today.plusDays(maxDays))) {
            throw new InvalidReport("promisedDate", "must be from " + today + " to " + today.plusDays(maxDays));
        }
    }

    private static String channelName(AgencyAction action) {
        Channel channel = ActionGate.channelOf(action);
        return channel == null ? action.name() : channel.name();
    }
}
