package io.arrears.agency.rest;

import io.arrears.agency.actions.AgencyActionRow;
import io.arrears.agency.actions.AgencyClaim;
import io.arrears.agency.placement.Placement;
import io.arrears.agency.records.AccountFile;
import io.arrears.agency.records.CustomerFile;
import io.arrears.agency.whitelist.AgencyTerms;
import io.arrears.agency.whitelist.DataField;
import io.arrears.events.AgencyAction;
import io.arrears.web.Amounts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What each caller is shown: agencies see their placements and only the data their contract allows. */
public final class AgencyViews {

    /** Buckets in the order of their first day: 60-89 before 120-179. */
    private static final java.util.Comparator<String> BY_START = java.util.Comparator.comparingInt(AgencyViews::firstDay)
            .thenComparing(java.util.Comparator.naturalOrder());

    private AgencyViews() {
    }

    /** The whitelist as the bank publishes it. */
    public record Listed(String id, String name, List<String> regions, LocalDate contractFrom, LocalDate contractUntil, LocalDate reviewedOn,
                         List<String> channels) {
    }

    /** An agency's full terms and load, for the bank's staff. */
    public record Terms(String id, String name, boolean listed, List<String> regions, List<String> buckets, String minBalance,
                        String maxBalance, int capacity, long active, Map<String, String> commission, LocalDate contractFrom,
                        LocalDate contractUntil, LocalDate reviewedOn, List<String> channels, List<String> data) {
    }

    /** A placement as the agency sees it; the cardholder's data only while it is active, and only what the contract allows. */
    public record AgencyPlacement(String placementId, String status, String bucket, int daysPastDue, String amountOverdue, String currency,
                                  OffsetDateTime placedAt, OffsetDateTime placedUntil, String recallReason, OffsetDateTime recalledAt,
                                  Cardholder cardholder, List<Action> actions) {
    }

    public record Cardholder(String name, List<String> phones, String address, String cardLast4, String timezone) {
    }

    public record Action(String actionId, String action, String status, String rule, String detail, String outcome, Boolean conversation,
                         String promisedAmount, LocalDate promisedDate, OffsetDateTime actedAt, OffsetDateTime reportedAt) {
    }

    /** A placement for the bank's staff. */
    public record BankPlacement(String placementId, String caseId, String accountId, String agencyId, String status, String arm, String bucket,
                                int daysPastDue, String amountOverdue, String currency, OffsetDateTime placedAt, OffsetDateTime placedUntil,
                                String recallReason, String recallDetail, String recalledBy, OffsetDateTime recalledAt, String unplacedReason,
                                String previousId, List<Action> actions) {
    }

    public record Recalled(BankPlacement recalled, BankPlacement replacement) {
    }

    public record Claim(String claimId, String placementId, String reference, String amount, String currency, LocalDate collectedOn,
                        OffsetDateTime reportedAt) {
    }

    static Listed listed(AgencyTerms t) {
        return new Listed(t.id(), t.name(), sorted(t.regions()), t.contractFrom(), t.contractUntil(), t.reviewedOn(),
                t.channels().stream().map(Enum::name).sorted().toList());
    }

    static Terms terms(AgencyTerms t, boolean listed, long active) {
        Map<String, String> rates = new TreeMap<>(BY_START);
        t.commission().forEach((bucket, rate) -> rates.put(bucket, rate.toPlainString()));
        return new Terms(t.id(), t.name(), listed, sorted(t.regions()), t.buckets().stream().sorted(BY_START).toList(), t.minBalance().toPlainString(),
                t.maxBalance().toPlainString(), t.capacity(), active, rates, t.contractFrom(), t.contractUntil(), t.reviewedOn(),
                t.channels().stream().map(Enum::name).sorted().toList(), t.data().stream().map(Enum::name).sorted().toList());
    }

    static AgencyPlacement forAgency(Placement p, AgencyTerms terms, AccountFile account, CustomerFile customer, List<AgencyActionRow> actions) {
        Cardholder cardholder = null;
        BigDecimal overdue = p.amountOverdue;
        if (p.active()) {
            overdue = account == null ? p.amountOverdue : account.amountOverdue;
            boolean postal = terms.channels().contains(AgencyAction.LETTER) || terms.channels().contains(AgencyAction.VISIT);
            cardholder = new Cardholder(
                    customer != null && terms.data().contains(DataField.NAME) ? customer.name : null,
                    customer != null && terms.data().contains(DataField.PHONE) ? customer.phoneList() : List.of(),
                    customer != null && postal && terms.data().contains(DataField.ADDRESS) ? customer.address : null,
                    account == null ? null : account.cardLast4,
                    customer == null ? null : customer.timezone);
        }
        return new AgencyPlacement(p.id, p.status().name(), p.bucket, p.daysPastDue, Amounts.of(overdue, p.currency), p.currency, p.placedAt,
                p.placedUntil, p.recallReason == null ? null : p.recallReason.name(), p.recalledAt, cardholder,
                actions.stream().map(AgencyViews::action).toList());
    }

    static BankPlacement forBank(Placement p, List<AgencyActionRow> actions) {
        return new BankPlacement(p.id, p.caseId, p.accountId, p.agencyId, p.status().name(), p.arm == null ? null : p.arm.name(), p.bucket,
                p.daysPastDue, Amounts.of(p.amountOverdue, p.currency), p.currency, p.placedAt, p.placedUntil,
                p.recallReason == null ? null : p.recallReason.name(), p.recallDetail, p.recalledBy, p.recalledAt, p.unplacedReason, p.previousId,
                actions.stream().map(AgencyViews::action).toList());
    }

    static Action action(AgencyActionRow a) {
        return new Action(a.id, a.action.name(), a.status().name(), a.rule, a.detail, a.outcome == null ? null : a.outcome.name(), a.conversation,
                a.promisedAmount == null ? null : a.promisedAmount.toPlainString(), a.promisedDate, a.actedAt, a.reportedAt);
    }

    static Claim claim(AgencyClaim c) {
        return new Claim(c.id, c.placementId, c.reference, Amounts.of(c.amount, c.currency), c.currency, c.collectedOn, c.reportedAt);
    }

    private static int firstDay(String bucket) {
        String digits = bucket.replaceAll("[^0-9].*$", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }

    private static List<String> sorted(java.util.Set<String> values) {
        return values.stream().sorted().toList();
    }
}
