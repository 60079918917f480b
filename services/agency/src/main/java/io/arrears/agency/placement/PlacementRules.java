package io.arrears.agency.placement;

import io.arrears.agency.whitelist.AgencyTerms;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Chooses the agency for an escalated account. An agency qualifies when it is under contract, was reviewed
 * within the review period, works in the cardholder's region, takes the account's bucket and balance, has
 * capacity left, and has not held the account before (a recall for non-performance moves the account on).
 * Of those that qualify the champion is the one performing best recently (cures per placement, smoothed
 * so a new agency is not judged on nothing), then the one with most capacity left; a configured share of
 * accounts goes to another qualifying agency, the challenger. The draw is a hash of the case, so deciding
 * the same case again gives the same answer.
 */
public final class PlacementRules {

    public enum Arm { ONLY, CHAMPION, CHALLENGER }

    /** What placement knows of the account: the bank's own figures. {@code region} may be null (no address on file). */
    public record Account(String caseId, String bucket, BigDecimal balance, String region) {
    }

    /** An agency with its load and recent record. */
    public record Candidate(AgencyTerms terms, int active, Performance performance) {
        int capacityLeft() {
            return terms.capacity() - active;
        }
    }

    /** Placements made in the performance window and how many of them ended cured. */
    public record Performance(int placed, int cured) {
        public static final Performance NONE = new Performance(0, 0);

        double score() {
            return (cured + 1.0) / (placed + 2.0);
        }
    }

    public sealed interface Choice {
    }

    public record Placed(String agencyId, Arm arm) implements Choice {
    }

    /** No agency qualifies; {@code reason} says why for each. */
    public record NotPlaced(String reason) implements Choice {
    }

    private final Duration reviewEvery;
    private final double challengerShare;

    public PlacementRules(Duration reviewEvery, double challengerShare) {
        if (challengerShare < 0 || challengerShare > 1) {
            throw new IllegalArgumentException("the challenger share " + challengerShare + " is not between 0 and 1");
        }
        this.reviewEvery = reviewEvery;
        this.challengerShare = challengerShare;
    }

    public Choice choose(Account account, LocalDate day, List<Candidate> candidates, Set<String> excluded) {
        List<Candidate> qualified = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        for (Candidate c : candidates) {
            String refusal = refusal(c, account, day, excluded);
            if (refusal == null) {
                qualified.add(c);
            } else {
                refusals.add(c.terms().id() + ": " + refusal);
            }
        }
        if (qualified.isEmpty()) {
            return new NotPlaced(refusals.isEmpty() ? "no agency is on the whitelist" : String.join("; ", refusals));
        }
        qualified.sort(Comparator.comparingDouble((Candidate c) -> c.performance().score()).reversed()
                .thenComparing(Comparator.comparingInt(Candidate::capacityLeft).reversed())
                .thenComparing(c -> c.terms().id()));
        if (qualified.size() == 1) {
            return new Placed(qualified.get(0).terms().id(), Arm.ONLY);
        }
        if (draw(account.caseId(), "arm") < challengerShare) {
            List<Candidate> others = qualified.subList(1, qualified.size());
            int pick = (int) Math.floor(draw(account.caseId(), "challenger") * others.size());
            return new Placed(others.get(Math.min(pick, others.size() - 1)).terms().id(), Arm.CHALLENGER);
        }
        return new Placed(qualified.get(0).terms().id(), Arm.CHAMPION);
    }

    /** Why the agency cannot take the account, or null when it can. */
    private String refusal(Candidate c, Account account, LocalDate day, Set<String> excluded) {
        AgencyTerms t = c.terms();
        if (excluded.contains(t.id())) {
            return "held this account before";
        }
        if (!t.underContract(day)) {
            return "no contract on " + day + " (" + t.contractFrom() + " to " + t.contractUntil() + ")";
        }
        if (!t.reviewedWithin(reviewEvery, day)) {
            return "last reviewed " + t.reviewedOn() + ", more than " + reviewEvery.toDays() + " days ago";
        }
        if (!t.servesRegion(account.region())) {
            return "does not work in region " + (account.region() == null ? "(none on file)" : account.region());
        }
        if (!t.buckets().contains(account.bucket())) {
            return "does not take bucket " + account.bucket();
        }
        if (!t.takesBalance(account.balance())) {
            return "balance " + account.balance().toPlainString() + " is outside " + t.minBalance().toPlainString() + "-"
                    + t.maxBalance().toPlainString();
        }
        if (c.capacityLeft() <= 0) {
            return "at capacity (" + c.active() + " of " + t.capacity() + ")";
        }
        return null;
    }

    /** A number in [0, 1) fixed by the case and the purpose. */
    static double draw(String caseId, String purpose) {
        CRC32 crc = new CRC32();
        crc.update((purpose + ":" + caseId).getBytes(StandardCharsets.UTF_8));
        return (crc.getValue() % 10_000) / 10_000.0;
    }
}
