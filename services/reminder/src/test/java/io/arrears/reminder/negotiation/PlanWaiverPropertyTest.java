package io.arrears.reminder.negotiation;

import io.arrears.events.Money;
import io.arrears.events.PlanType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over random debts and random requests, whatever the caller types: a plan the policy lets through never
 * reduces what is owed by more than the caller's waiver limit, and always covers what it settles with
 * payments and named forgiveness, as the account service will check.
 */
class PlanWaiverPropertyTest {

    private static final long SEED = 20261201L;
    private static final int TRIES = 20_000;
    private final PlanPolicy policy = new PlanPolicy(PlanPolicyTest.AGENT, PlanPolicyTest.SUPERVISOR);

    @Test
    void noAcceptedPlanForgivesMoreThanTheCallersWaiverLimit() {
        Random random = new Random(SEED);
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < TRIES; i++) {
            CaseDebt debt = debt(random);
            PlanPolicy.Authority authority = random.nextBoolean() ? PlanPolicy.Authority.AGENT : PlanPolicy.Authority.SUPERVISOR;
            PlanTerms terms;
            try {
                terms = request(random, debt);
            } catch (PlanRefused e) {
                refused++;
                continue;
            }
            if (policy.check(terms, authority).isPresent()) {
                refused++;
                continue;
            }
            accepted++;
            String example = "try " + i + " (seed " + SEED + "): " + debt + " " + terms;
            BigDecimal limit = policy.limitsOf(authority).maxWaiverPercent();
            BigDecimal owedLess = terms.covered().minus(terms.toPay()).amount().max(BigDecimal.ZERO);
            BigDecimal allowed = terms.covered().amount().multiply(limit).divide(BigDecimal.valueOf(100), 4, RoundingMode.DOWN);
            assertThat(owedLess).as(example).isLessThanOrEqualTo(allowed);
            assertThat(terms.forgiven().amount()).as(example).isLessThanOrEqualTo(allowed);
            assertThat(terms.toPay().plus(terms.forgiven())).as(example).isGreaterThanOrEqualTo(terms.covered());
            BigDecimal scheduled = terms.instalments().stream().map(s -> s.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(scheduled).as(example).isEqualByComparingTo(terms.toPay().amount());
        }
        // Both sides must be exercised for the property to say anything.
        assertThat(accepted).isGreaterThan(TRIES / 20);
        assertThat(refused).isGreaterThan(TRIES / 20);
    }

    private static CaseDebt debt(Random random) {
        Money overdue = cents(random, 1, 5_000_000);
        Money balance = overdue.plus(cents(random, 0, 20_000_000));
        return new CaseDebt(overdue, balance);
    }

    private static PlanTerms request(Random random, CaseDebt debt) {
        LocalDate today = PlanPolicyTest.TODAY;
        Money waivedInterest = random.nextInt(3) == 0 ? fraction(random, debt.overdue(), 0.3) : PlanPolicyTest.NONE;
        Money waivedFees = random.nextInt(3) == 0 ? fraction(random, debt.overdue(), 0.3) : PlanPolicyTest.NONE;
        PlanType type = PlanType.values()[random.nextInt(PlanType.values().length)];
        return switch (type) {
            case INSTALMENTS -> PlanTerms.instalments(debt, amount(random, debt), 2 + random.nextInt(40),
                    today.plusDays(1 + random.nextInt(400)), waivedInterest, waivedFees, today);
            case DEFERRAL -> PlanTerms.deferral(debt, amount(random, debt), today.plusDays(1 + random.nextInt(120)),
                    waivedInterest, waivedFees, today);
            case SETTLEMENT -> PlanTerms.settlement(debt, fraction(random, debt.balance(), 1.0).max(PlanPolicyTest.cny("0.01")),
                    today.plusDays(1 + random.nextInt(120)), waivedInterest, waivedFees, today);
        };
    }

    /** Often none (the plan pays what is left), else anything from a cent to a little over the balance. */
    private static Money amount(Random random, CaseDebt debt) {
        return switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> PlanPolicyTest.cny("0.0" + (1 + random.nextInt(9)));
            case 2 -> fraction(random, debt.overdue(), 1.0).max(PlanPolicyTest.cny("0.01"));
            default -> fraction(random, debt.balance(), 1.1).max(PlanPolicyTest.cny("0.01"));
        };
    }

    private static Money fraction(Random random, Money of, double upTo) {
        BigDecimal share = BigDecimal.valueOf(random.nextDouble() * upTo);
        return Money.of(of.amount().multiply(share).setScale(2, RoundingMode.DOWN), "CNY");
    }

    private static Money cents(Random random, int from, int to) {
        return Money.of(BigDecimal.valueOf(from + (long) random.nextInt(to - from + 1), 2), "CNY");
    }
}
