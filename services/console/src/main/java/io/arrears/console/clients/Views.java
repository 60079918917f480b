package io.arrears.console.clients;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What the console reads of the services' answers: only the fields its pages show. The services' own
 * contracts stay theirs; a field added there does not break a page here.
 */
public final class Views {

    private Views() {
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    // ---- reminder service ----

    public record CaseSummary(String id, String accountId, String state, String bucket, int daysPastDue, String amountOverdue,
                              String currency, String segment, String arm, int brokenPromises, OffsetDateTime needsAgentSince) {
    }

    public record CaseFile(String id, String accountId, String customerId, String product, String state, String arm, String segment,
                           String bucket, int daysPastDue, LocalDate dueDate, String amountOverdue, String minimumDue,
                           String totalBalance, String currency, String escalation, int brokenPromises, int brokenPlans,
                           OffsetDateTime needsAgentSince, String activePlanId, OffsetDateTime openedAt, OffsetDateTime closedAt,
                           String closedReason, List<Step> steps, List<Promise> promises, List<Plan> plans, List<Event> timeline) {
    }

    public record Step(String id, String kind, String channel, String templateId, String bucket, Integer ladderDay,
                       OffsetDateTime dueAt, String status, String reason, OffsetDateTime firedAt) {
    }

    public record Promise(String id, String amount, String currency, LocalDate promisedDate, String status, String paid,
                          String madeBy, OffsetDateTime madeAt) {
    }

    public record Plan(String id, String type, String status, String total, String currency, String waivedInterest,
                       String waivedFees, String writtenOff, String agreedBy, OffsetDateTime agreedAt, List<Instalment> instalments) {
    }

    public record Instalment(int seq, LocalDate dueDate, String amount) {
    }

    public record Event(OffsetDateTime at, String actor, String actorKind, String kind, String detail) {
    }

    public record PlanPreview(String type, String verdict, Breach breach, String toPay, String covered, String forgiven,
                              String writtenOff, String waiverPercent, String currency, List<Instalment> instalments,
                              Limits agentLimits, Limits supervisorLimits) {
    }

    public record Breach(String limit, String asked, String allowed, String approver, String message) {
    }

    public record Limits(int maxInstalments, int maxFirstDueDays, int maxDeferralDays, String maxWaiverPercent,
                         String minSettlementPercent) {
    }

    public record Approval(String id, String caseId, String status, String limit, String reason, String requestedBy,
                           OffsetDateTime requestedAt, String decidedBy, OffsetDateTime decidedAt, String decisionNote, String planId,
                           Map<String, Object> terms) {
    }

    public record Operations(OffsetDateTime asOf, List<Tally> cases, List<Tally> reminders, List<Tally> promises, List<Tally> plans,
                             List<Tally> escalations, long waitingApprovals) {
    }

    public record Tally(String group, String key, long count) {
    }

    public record StrategyResults(LocalDate from, LocalDate to, int cureWithinDays, String costCurrency, List<ArmResult> results) {
    }

    public record ArmResult(String arm, String segment, long casesOpened, long cured, Double cureRate, long promisesKept,
                            long promisesBroken, Double keptPromiseRate, long plansAgreed, long plansCompleted, long plansBroken,
                            Map<String, Long> contactsByChannel, long contacts, BigDecimal contactCost, BigDecimal costPerCure,
                            List<Roll> rollRates) {
    }

    public record Roll(String from, String to, long entered, long rolled, Double rate) {
    }

    // ---- account service ----

    public record Account(String accountId, String currency, String status, int daysPastDue, String bucket, LocalDate pastDueSince,
                          String amountOverdue, String totalBalance, LocalDate asOf, AccountPlan plan) {
    }

    public record AccountPlan(String planId, String type, String status, List<AccountInstalment> instalments) {
    }

    public record AccountInstalment(int seq, LocalDate dueDate, String amount, String paid) {
    }

    // ---- contact-channel service ----

    public record ContactHistory(String accountId, List<Hold> holds, List<Attempt> attempts) {
    }

    public record Attempt(String reminderId, String caseId, String channel, String templateId, String status, String reason,
                          String destination, int tries, OffsetDateTime createdAt, OffsetDateTime attemptedAt,
                          OffsetDateTime finishedAt, List<Decision> decisions) {
    }

    public record Hold(String complaintId, OffsetDateTime openedAt, OffsetDateTime releasedAt) {
    }

    public record Decision(String decision, String rule, String detail, OffsetDateTime until, OffsetDateTime decidedAt) {
    }

    public record Customer(String customerId, String name, String email, List<String> phones, String language, String timezone,
                           boolean doNotContact, List<Consent> consents) {
    }

    public record Consent(String channel, boolean granted, String source) {
    }

    // ---- complaint service ----

    public record ComplaintSummary(String id, String accountId, String category, String state, boolean holdsContact,
                                   OffsetDateTime receivedAt, OffsetDateTime acknowledgeDue, OffsetDateTime resolveDue,
                                   boolean slaBreached) {
    }

    public record Complaint(String id, String accountId, String category, String description, String receivedVia,
                            boolean holdsContact, String state, List<String> allowedNext, String outcome, String remedy,
                            String regulatorReference, OffsetDateTime receivedAt, OffsetDateTime acknowledgedAt,
                            OffsetDateTime resolvedAt, OffsetDateTime acknowledgeDue, OffsetDateTime resolveDue,
                            OffsetDateTime ackBreachedAt, OffsetDateTime resolveBreachedAt, Evidence evidence, List<Audit> audit) {
    }

    public record Evidence(String timezone, OffsetDateTime from, OffsetDateTime to, List<EvidenceLine> contacts, List<Flag> flags) {
    }

    public record EvidenceLine(String reminderId, String caseId, String channel, String status, String reason, OffsetDateTime at) {
    }

    public record Flag(String reminderId, String rule, String detail) {
    }

    public record Audit(String actor, String action, String detail, OffsetDateTime at) {
    }

    // ---- agency service ----

    public record AgencyTerms(String id, String name, boolean listed, List<String> regions, List<String> buckets, int capacity, long active,
                              Map<String, String> commission, LocalDate contractUntil, LocalDate reviewedOn, List<String> channels) {
    }

    public record Scorecard(String agencyId, String name, long placed, long active, long contacted, long actions, long conversations,
                            long promises, long cured, long complaints, long refused, BigDecimal collected, BigDecimal claimed,
                            BigDecimal commission, String currency) {
    }

    public record Placement(String placementId, String caseId, String accountId, String agencyId, String status, String arm, String bucket,
                            String amountOverdue, String currency, OffsetDateTime placedAt, OffsetDateTime placedUntil, String recallReason,
                            String recallDetail, String recalledBy, OffsetDateTime recalledAt, String unplacedReason,
                            List<PlacementAction> actions) {
    }

    public record PlacementAction(String actionId, String action, String status, String rule, String outcome, OffsetDateTime actedAt) {
    }
}
