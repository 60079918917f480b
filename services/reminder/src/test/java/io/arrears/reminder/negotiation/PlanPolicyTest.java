package io.arrears.reminder.negotiation;

import io.arrears.events.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanPolicyTest {

    static final LocalDate TODAY = LocalDate.of(2030, 3, 1);
    static final Money NONE = Money.of("0", "CNY");
    static final PlanLimits AGENT = new PlanLimits(12, 31, 30, new BigDecimal("10"), new BigDecimal("90"));
    static final PlanLimits SUPERVISOR = new PlanLimits(36, 62, 90, new BigDecimal("40"), new BigDecimal("60"));
    private final PlanPolicy policy = new PlanPolicy(AGENT, SUPERVISOR);

    @Test
    void withinTheAgentLimitsNobodyElseIsNeeded() {
        PlanTerms terms = PlanTerms.instalments(debt("1200.00", "5000.00"), null, 12, TODAY.plusDays(10), NONE, NONE, TODAY);

        assertThat(terms.toPay()).isEqualTo(cny("1200.00"));
        assertThat(policy.check(terms, PlanPolicy.Authority.AGENT)).isEmpty();
    }

    @Test
    void twoCentsInTwoInstalmentsOnFourHundredOverdueForgivesAlmostAllOfItAndNoRoleMayAgreeIt() {
        PlanTerms terms = PlanTerms.instalments(debt("400.00", "400.00"), cny("0.02"), 2, TODAY.plusDays(10), NONE, NONE, TODAY);

        assertThat(terms.writtenOff()).isEqualTo(cny("399.98"));
        assertThat(terms.waiverPercent()).isEqualByComparingTo("100.00");
        assertThat(policy.check(terms, PlanPolicy.Authority.AGENT))
                .contains(new LimitExceeded("max-waiver-percent", "100.00%", "40%", null));
        assertThat(policy.check(terms, PlanPolicy.Authority.SUPERVISOR)).isPresent();
    }

    @Test
    void aShortfallWithinTheSupervisorsWaiverLimitNeedsASupervisor() {
        PlanTerms terms = PlanTerms.instalments(debt("400.00", "400.00"), cny("300.00"), 3, TODAY.plusDays(10), NONE, NONE, TODAY);

        assertThat(policy.check(terms, PlanPolicy.Authority.AGENT))
                .contains(new LimitExceeded("max-waiver-percent", "25.00%", "10%", "supervisor"));
        assertThat(policy.check(terms, PlanPolicy.Authority.SUPERVISOR)).isEmpty();
        assertThat(policy.overridesAgentLimit(terms, PlanPolicy.Authority.SUPERVISOR)).isTrue();
    }

    @Test
    void namedWaiversCountAgainstTheLimitAndTheDefaultAmountIsWhatTheyLeave() {
        PlanTerms terms = PlanTerms.instalments(debt("1000.00", "1000.00"), null, 4, TODAY.plusDays(10), cny("60.00"), cny("50.00"), TODAY);

        assertThat(terms.toPay()).isEqualTo(cny("890.00"));
        assertThat(terms.writtenOff()).isEqualTo(cny("0.00"));
        assertThat(terms.waiverPercent()).isEqualByComparingTo("11.00");
        assertThat(policy.check(terms, PlanPolicy.Authority.AGENT))
                .contains(new LimitExceeded("max-waiver-percent", "11.00%", "10%", "supervisor"));
    }

    @Test
    void waiversBeyondTheDebtAreRefused() {
        assertThatThrownBy(() -> PlanTerms.instalments(debt("100.00", "100.00"), null, 2, TODAY.plusDays(10), cny("80.00"), cny("30.00"), TODAY))
                .isInstanceOf(PlanRefused.class).hasMessageContaining("must not exceed the 100.00 CNY");
    }

    @Test
    void aPlanCannotAskForMoreThanTheBalance() {
        assertThatThrownBy(() -> PlanTerms.deferral(debt("100.00", "150.00"), cny("150.01"), TODAY.plusDays(10), NONE, NONE, TODAY))
                .isInstanceOf(PlanRefused.class).extracting("field").isEqualTo("amount");
    }

    @Test
    void moreInstalmentsThanAnAgentMayGrantNeedASupervisor() {
        PlanTerms terms = PlanTerms.instalments(debt("1200.00", "1200.00"), null, 13, TODAY.plusDays(10), NONE, NONE, TODAY);

        assertThat(policy.check(terms, PlanPolicy.Authority.AGENT))
                .contains(new LimitExceeded("max-instalments", "13", "12", "supervisor"));
        assertThat(policy.check(terms, PlanPolicy.Authority.SUPERVISOR)).isEmpty();
    }

    @Test
    void aFirstInstalmentYearsAwayIsADeferralNobodyMayGrant() {
        PlanTerms terms = PlanTerms.instalments(debt("1200.00", "1200.00"), null, 2, TODAY.plusYears(3), NONE, NONE, TODAY);

        assertThat(policy.check(terms, PlanPolicy.Authority.AGENT))
                .contains(new LimitExceeded("max-first-due-days", "1096 days", "62 days", null));
        PlanTerms nextMonth = PlanTerms.instalments(debt("1200.00", "1200.00"), null, 2, TODAY.plusMonths(1), NONE, NONE, TODAY);
        assertThat(policy.check(nextMonth, PlanPolicy.Authority.AGENT)).isEmpty();
    }

    @Test
    void aDeferralBeyondTheSupervisorLimitIsAgreedByNobody() {
        PlanTerms terms = PlanTerms.deferral(debt("500.00", "500.00"), null, TODAY.plusDays(91), NONE, NONE, TODAY);

        assertThat(policy.check(terms, PlanPolicy.Authority.AGENT))
                .contains(new LimitExceeded("max-deferral-days", "91 days", "90 days", null));
        assertThat(policy.check(terms, PlanPolicy.Authority.SUPERVISOR))
                .contains(new LimitExceeded("max-deferral-days", "91 days", "90 days", null));
    }

    @Test
    void aSettlementIsJudgedOnTheCasesBalance() {
        PlanTerms terms = PlanTerms.settlement(debt("300.00", "1000.00"), cny("850.00"), TODAY.plusDays(20), NONE, NONE, TODAY);

        assertThat(terms.covered()).isEqualTo(cny("1000.00"));
        assertThat(terms.writtenOff()).isEqualTo(cny("150.00"));
        assertThat(terms.waiverPercent()).isEqualByComparingTo("15.00");
        assertThat(policy.check(terms, PlanPolicy.Authority.AGENT))
                .contains(new LimitExceeded("max-waiver-percent", "15.00%", "10%", "supervisor"));
        assertThat(policy.check(terms, PlanPolicy.Authority.SUPERVISOR)).isEmpty();
    }

    @Test
    void aSettlementPayingLessThanTheSupervisorsShareIsAgreedByNobody() {
        PlanTerms terms = PlanTerms.settlement(debt("300.00", "1000.00"), cny("550.00"), TODAY.plusDays(20), NONE, NONE, TODAY);

        assertThat(policy.check(terms, PlanPolicy.Authority.SUPERVISOR))
                .contains(new LimitExceeded("max-waiver-percent", "45.00%", "40%", null));
        PlanLimits generous = new PlanLimits(36, 62, 90, new BigDecimal("50"), new BigDecimal("60"));
        assertThat(new PlanPolicy(AGENT, generous).check(terms, PlanPolicy.Authority.SUPERVISOR))
                .contains(new LimitExceeded("min-settlement-percent", "55.00%", "60%", null));
    }

    static CaseDebt debt(String overdue, String balance) {
        return new CaseDebt(cny(overdue), cny(balance));
    }

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }
}
