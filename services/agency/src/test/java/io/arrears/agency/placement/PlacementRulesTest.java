package io.arrears.agency.placement;

import io.arrears.agency.whitelist.AgencyTerms;
import io.arrears.agency.whitelist.DataField;
import io.arrears.events.AgencyAction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Placement over generated whitelists and streams of escalated accounts: whatever the agencies and the
 * accounts, no agency ever holds more than its capacity, and none gets an account outside its regions,
 * buckets, balance band, contract or review; and an account is left unplaced only when no agency qualified.
 */
class PlacementRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2030, 4, 1);
    private static final List<String> REGIONS = List.of("SH", "JS", "ZJ", "GD", "BJ");
    private static final List<String> BUCKETS = List.of("60-89", "90-119", "120-179");
    private static final Duration REVIEW_EVERY = Duration.ofDays(365);

    record Escalation(String caseId, String bucket, BigDecimal balance, String region, boolean held, int recalls) {
    }

    @Property(tries = 300)
    void placementNeverBreaksAnAgencysTerms(@ForAll("whitelists") List<AgencyTerms> agencies, @ForAll("escalations") List<Escalation> stream,
                                            @ForAll @DoubleRange(min = 0, max = 1) double challengerShare) {
        PlacementRules rules = new PlacementRules(REVIEW_EVERY, challengerShare);
        Map<String, Integer> active = new HashMap<>();
        Map<String, AgencyTerms> byId = new HashMap<>();
        agencies.forEach(a -> byId.put(a.id(), a));
        for (Escalation e : stream) {
            List<PlacementRules.Candidate> candidates = agencies.stream()
                    .map(a -> new PlacementRules.Candidate(a, active.getOrDefault(a.id(), 0), PlacementRules.Performance.NONE)).toList();
            Set<String> excluded = e.recalls() == 0 || agencies.isEmpty() ? Set.of() : Set.of(agencies.get(e.recalls() % agencies.size()).id());
            PlacementRules.Account account = new PlacementRules.Account(e.caseId(), e.bucket(), e.balance(), e.region());
            PlacementRules.Choice choice = rules.choose(account, TODAY, candidates, excluded);
            boolean anyQualified = candidates.stream().anyMatch(c -> qualifies(c, account, excluded));
            if (choice instanceof PlacementRules.Placed placed) {
                AgencyTerms chosen = byId.get(placed.agencyId());
                assertThat(qualifies(new PlacementRules.Candidate(chosen, active.getOrDefault(chosen.id(), 0), PlacementRules.Performance.NONE),
                        account, excluded)).as("%s for %s", chosen, account).isTrue();
                active.merge(chosen.id(), 1, Integer::sum);
                assertThat(active.get(chosen.id())).isLessThanOrEqualTo(chosen.capacity());
            } else {
                assertThat(anyQualified).as("left unplaced: %s", ((PlacementRules.NotPlaced) choice).reason()).isFalse();
            }
        }
    }

    @Property(tries = 200)
    void withNoChallengersTheBestPerformerTakesTheAccount(@ForAll("whitelists") List<AgencyTerms> agencies,
                                                           @ForAll("escalations") List<Escalation> stream) {
        PlacementRules rules = new PlacementRules(REVIEW_EVERY, 0);
        for (Escalation e : stream) {
            PlacementRules.Account account = new PlacementRules.Account(e.caseId(), e.bucket(), e.balance(), e.region());
            List<PlacementRules.Candidate> candidates = agencies.stream()
                    .map(a -> new PlacementRules.Candidate(a, 0, new PlacementRules.Performance(10, a.id().hashCode() & 7))).toList();
            if (rules.choose(account, TODAY, candidates, Set.of()) instanceof PlacementRules.Placed placed) {
                double best = candidates.stream().filter(c -> qualifies(c, account, Set.of())).mapToDouble(c -> c.performance().score()).max()
                        .orElseThrow();
                PlacementRules.Candidate chosen = candidates.stream().filter(c -> c.terms().id().equals(placed.agencyId())).findFirst().orElseThrow();
                assertThat(chosen.performance().score()).isEqualTo(best);
                assertThat(placed.arm()).isNotEqualTo(PlacementRules.Arm.CHALLENGER);
            }
        }
    }

    /** The terms as the issue states them, written independently of the rules under test. */
    private static boolean qualifies(PlacementRules.Candidate c, PlacementRules.Account a, Set<String> excluded) {
        AgencyTerms t = c.terms();
        boolean region = t.regions().contains("*") || (a.region() != null && t.regions().contains(a.region()));
        return !excluded.contains(t.id()) && region && t.buckets().contains(a.bucket())
                && a.balance().compareTo(t.minBalance()) >= 0 && a.balance().compareTo(t.maxBalance()) <= 0
                && !TODAY.isBefore(t.contractFrom()) && !TODAY.isAfter(t.contractUntil())
                && !t.reviewedOn().plusDays(365).isBefore(TODAY) && c.active() < t.capacity();
    }

    @Provide
    Arbitrary<List<AgencyTerms>> whitelists() {
        Arbitrary<AgencyTerms> agency = Combinators.combine(
                Arbitraries.strings().alpha().ofMinLength(3).ofMaxLength(8),
                Arbitraries.of(REGIONS).set().ofMinSize(0).ofMaxSize(3).injectDuplicates(0).map(s -> s.isEmpty() ? Set.of("*") : s),
                Arbitraries.of(BUCKETS).set().ofMinSize(1).ofMaxSize(3),
                Arbitraries.integers().between(0, 30_000),
                Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(-400, 30),
                Arbitraries.integers().between(0, 800),
                Arbitraries.integers().between(-500, 30)
        ).as((id, regions, buckets, band, capacity, startsIn, lasts, reviewedIn) -> new AgencyTerms(id, id, regions, buckets,
                BigDecimal.valueOf(band / 10), BigDecimal.valueOf(band + 5_000), capacity, Map.of("60-89", new BigDecimal("0.1")),
                TODAY.plusDays(startsIn), TODAY.plusDays(startsIn + lasts), TODAY.plusDays(reviewedIn), Set.of(AgencyAction.CALL),
                Set.of(DataField.NAME)));
        return agency.list().ofMinSize(0).ofMaxSize(5).uniqueElements(AgencyTerms::id);
    }

    @Provide
    Arbitrary<List<Escalation>> escalations() {
        return Combinators.combine(
                Arbitraries.strings().numeric().ofLength(8).map(s -> "CASE-" + s),
                Arbitraries.of(BUCKETS),
                Arbitraries.integers().between(0, 40_000).map(BigDecimal::valueOf),
                Arbitraries.of("SH", "JS", "ZJ", "GD", "BJ", "XZ").injectNull(0.1),
                Arbitraries.of(false),
                Arbitraries.integers().between(0, 3)
        ).as(Escalation::new).list().ofMinSize(1).ofMaxSize(40);
    }
}
