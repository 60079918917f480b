package io.arrears.agency.placement;

import io.arrears.agency.config.AgencyConfig;
import io.arrears.agency.performance.Collections;
import io.arrears.agency.records.AccountFile;
import io.arrears.agency.records.BankRecords;
import io.arrears.agency.whitelist.AgencyTerms;
import io.arrears.agency.whitelist.Whitelist;
import io.arrears.events.AccountPlaced;
import io.arrears.events.AccountRecalled;
import io.arrears.events.CaseEscalated;
import io.arrears.events.CloudEventHeaders;
import io.arrears.events.ComplaintOpened;
import io.arrears.events.EscalationTarget;
import io.arrears.events.PaymentReceived;
import io.arrears.events.PlanAgreed;
import io.arrears.events.RecallReason;
import io.arrears.events.TimeOrderedIds;
import io.arrears.messaging.AccountLock;
import io.arrears.messaging.Outbox;
import io.arrears.messaging.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Places escalated accounts with agencies and takes them back. Everything for one account runs under the
 * account's lock, and placement also locks the whitelist's rows, so two replicas never place one account
 * twice or fill an agency past its capacity. Every placement and recall leaves through the outbox.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Placements {

    public static final String SYSTEM = "system";
    private static final Logger LOG = Logger.getLogger(Placements.class);

    private final PlacementRepository placements;
    private final Whitelist whitelist;
    private final BankRecords records;
    private final Collections collections;
    private final Outbox outbox;
    private final AccountLock lock;
    private final Clock clock;
    private final AgencyConfig.Placement config;
    private final PlacementRules rules;

    Placements(PlacementRepository placements, Whitelist whitelist, BankRecords records, Collections collections, Outbox outbox,
               AccountLock lock, Clock clock, AgencyConfig config) {
        this.placements = placements;
        this.whitelist = whitelist;
        this.records = records;
        this.collections = collections;
        this.outbox = outbox;
        this.lock = lock;
        this.clock = clock;
        this.config = config.placement();
        this.rules = new PlacementRules(this.config.reviewEvery(), this.config.challengerShare());
    }

    public Outcome escalated(CaseEscalated e) {
        if (e.target() != EscalationTarget.AGENCY) {
            return Outcome.applied();
        }
        lock.acquire(e.accountId());
        if (placements.activeFor(e.accountId()).isPresent()) {
            return Outcome.applied();
        }
        Optional<AccountFile> account = records.account(e.accountId());
        if (account.map(AccountFile::held).orElse(false)) {
            unplaced(e.caseId(), e.accountId(), e.daysPastDue(), e.amountOverdue(), e.currency(),
                    "a complaint that holds contact is open for the account", null);
            return Outcome.applied();
        }
        place(e.caseId(), e.accountId(), e.daysPastDue(), account.map(a -> a.amountOverdue).orElse(e.amountOverdue()), e.currency(),
                Set.of(), null);
        return Outcome.applied();
    }

    /** A payment during a placement is the agency's collection; one that cures the account ends the placement. */
    public Outcome paid(PaymentReceived e, CloudEventHeaders headers) {
        lock.acquire(e.accountId());
        records.record(e);
        placements.activeFor(e.accountId()).ifPresent(p -> {
            collections.record(e.paymentId(), p.id, p.agencyId, p.accountId, p.bucket, e.amount(), e.currency(),
                    headers.time() == null ? now() : headers.time());
            if (e.cured()) {
                recall(p, RecallReason.CURED, "payment " + e.paymentId() + " cleared the arrears", SYSTEM);
            }
        });
        return Outcome.applied();
    }

    public Outcome complained(ComplaintOpened e) {
        lock.acquire(e.accountId());
        records.record(e);
        if (e.holdsContact()) {
            placements.activeFor(e.accountId()).ifPresent(p -> recall(p, RecallReason.COMPLAINT_HOLD,
                    "complaint " + e.complaintId() + " (" + e.category() + ") holds contact", SYSTEM));
        }
        return Outcome.applied();
    }

    public Outcome planAgreed(PlanAgreed e) {
        lock.acquire(e.accountId());
        placements.activeFor(e.accountId()).ifPresent(p -> recall(p, RecallReason.PLAN_AGREED,
                "the bank agreed plan " + e.planId() + " (" + e.type() + ")", SYSTEM));
        return Outcome.applied();
    }

    /**
     * A supervisor's recall. For non-performance the account goes on to another qualifying agency, one that
     * has not held it; the new placement names the one it follows.
     */
    public Optional<Placement> recallBySupervisor(String placementId, RecallReason reason, String note, String supervisor) {
        if (reason != RecallReason.SUPERVISOR && reason != RecallReason.NON_PERFORMANCE) {
            throw new IllegalArgumentException("a supervisor recalls for SUPERVISOR or NON_PERFORMANCE, not " + reason);
        }
        Placement p = Optional.ofNullable(placements.findById(placementId)).orElseThrow(() -> new PlacementNotFound(placementId));
        lock.acquire(p.accountId);
        if (!p.active()) {
            throw new PlacementConflict("placement " + placementId + " is " + p.status()
                    + (p.recallReason == null ? "" : " (" + p.recallReason + ")"));
        }
        recall(p, reason, note, supervisor);
        if (reason != RecallReason.NON_PERFORMANCE) {
            return Optional.empty();
        }
        AccountFile account = records.account(p.accountId).orElse(null);
        BigDecimal overdue = account == null ? p.amountOverdue : account.amountOverdue;
        int days = account == null ? p.daysPastDue : account.daysPastDue;
        return Optional.of(place(p.caseId, p.accountId, days, overdue, p.currency, placements.agenciesThatHeld(p.caseId), p.id));
    }

    /** Recalls every placement whose period has ended; returns how many. */
    public int endPeriods(int limit) {
        int ended = 0;
        for (String id : placements.endedBy(now(), limit)) {
            Placement p = placements.findById(id);
            lock.acquire(p.accountId);
            if (p.active()) {
                recall(p, RecallReason.PERIOD_ENDED, "the placement period ended on " + p.placedUntil.toLocalDate(), SYSTEM);
                ended++;
            }
        }
        return ended;
    }

    private Placement place(String caseId, String accountId, int daysPastDue, BigDecimal amountOverdue, String currency,
                            Set<String> excluded, String previousId) {
        AccountFile account = records.account(accountId).orElse(null);
        String bucket = BucketOf.days(daysPastDue, config.buckets());
        String region = account == null ? null : records.customer(account.customerId).map(c -> c.region).orElse(null);
        BigDecimal balance = account == null || account.totalBalance == null ? amountOverdue : account.totalBalance;
        List<AgencyTerms> agencies = whitelist.lockListed();
        Map<String, Integer> active = placements.activeCounts();
        Map<String, PlacementRules.Performance> performance = placements.performanceSince(now().minus(config.performanceWindow()));
        List<PlacementRules.Candidate> candidates = agencies.stream().map(a -> new PlacementRules.Candidate(a, active.getOrDefault(a.id(), 0),
                performance.getOrDefault(a.id(), PlacementRules.Performance.NONE))).toList();
        PlacementRules.Choice choice = rules.choose(new PlacementRules.Account(caseId, bucket, balance, region), today(), candidates, excluded);
        if (choice instanceof PlacementRules.NotPlaced notPlaced) {
            LOG.infof("case %s not placed: %s", caseId, notPlaced.reason());
            return unplaced(caseId, accountId, daysPastDue, amountOverdue, currency, notPlaced.reason(), previousId);
        }
        PlacementRules.Placed placed = (PlacementRules.Placed) choice;
        Placement p = newPlacement(caseId, accountId, daysPastDue, amountOverdue, currency, bucket, previousId);
        p.agencyId = placed.agencyId();
        p.arm = placed.arm();
        p.placedUntil = p.placedAt.plus(config.period());
        p.start(PlacementStatus.ACTIVE);
        placements.persist(p);
        outbox.add(new AccountPlaced(p.id, caseId, accountId, p.agencyId, bucket, daysPastDue, amountOverdue, currency, p.arm.name(),
                p.placedAt, p.placedUntil));
        return p;
    }

    private Placement unplaced(String caseId, String accountId, int daysPastDue, BigDecimal amountOverdue, String currency, String reason,
                               String previousId) {
        Placement p = newPlacement(caseId, accountId, daysPastDue, amountOverdue, currency, BucketOf.days(daysPastDue, config.buckets()),
                previousId);
        p.unplacedReason = reason;
        p.start(PlacementStatus.UNPLACED);
        placements.persist(p);
        return p;
    }

    private Placement newPlacement(String caseId, String accountId, int daysPastDue, BigDecimal amountOverdue, String currency, String bucket,
                                   String previousId) {
        Placement p = new Placement();
        p.id = "PLC-" + TimeOrderedIds.next();
        p.caseId = caseId;
        p.accountId = accountId;
        p.daysPastDue = daysPastDue;
        p.amountOverdue = amountOverdue;
        p.currency = currency;
        p.bucket = bucket;
        p.placedAt = now();
        p.previousId = previousId;
        return p;
    }

    private void recall(Placement p, RecallReason reason, String detail, String by) {
        p.recall(reason, detail, by, now());
        outbox.add(new AccountRecalled(p.id, p.caseId, p.accountId, p.agencyId, reason, detail, p.recalledAt));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of(config.zone())));
    }
}
