package io.arrears.reminder.negotiation;

import io.arrears.events.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PlanPolicyTest {

    private static final LocalDate TODAY = LocalDate.of(2030, 3, 1);
    private static final Money NONE = Money.of("0", "CNY");
    private final PlanPolicy policy = new PlanPolicy(new PlanLimits(12, 30, new BigDecimal("10")),
            new PlanLimits(36, 90, new BigDecimal("40")));

    @Test
    void withinTheAgentLimitsNobodyElseIsNeeded() {
        PlanTerms terms = PlanTerms.instalments(Money.of("1200.00", "CNY"), 12, TODAY.plusDays(10), NONE, NONE, TODAY);
        assertThat(policy.check(terms, PlanPolicy.Authority.AGENT)).isEmpty();
    }

    @Test
    void moreInstalmentsThanAnAgentMayGrantNeedASupervisor() {
        PlanTerms terms = PlanTerms.instalments(Money.of("1200.00", "CNY"), 13, TODAY.plusDays(10), NONE, NONE, TODAY);

        assertThat(policy.check(terms, PlanPolicy.Authority.AGENT))
                .contains(new LimitExceeded("max-instalments", "13", "12", "supervisor"));
        assertThat(policy.check(terms, PlanPolicy.Authority.SUPERVISOR)).isEmpty();
    }

    @Test
    void aDeferralBeyondTheSupervisorLimitIsAgreedByNobody() {
        PlanTerms terms = PlanTerms.deferral(Money.of("500.00", "CNY"), TODAY.plusDays(91), NONE, NONE, TODAY);

        assertThat(policy.check(terms, PlanPolicy.Authority.AGENT))
                .contains(new LimitExceeded("max-deferral-days", "91 days", "90 days", null));
        assertThat(policy.check(terms, PlanPolicy.Authority.SUPERVISOR))
                .contains(new LimitExceeded("max-deferral-days", "91 days", "90 days", null));
    }

    @Test
    void aSettlementWaiverIsTheShareOfTheDebtForgiven() {
        PlanTerms terms = PlanTerms.settlement(Money.of("1000.00", "CNY"), Money.of("850.00", "CNY"), TODAY.plusDays(20),
                NONE, NONE, TODAY);

        assertThat(terms.waiverPercent()).isEqualByComparingTo("15.00");
        assertThat(policy.check(terms, PlanPolicy.Authority.AGENT))
                .contains(new LimitExceeded("max-waiver-percent", "15.00%", "10%", "supervisor"));
        assertThat(policy.check(terms, PlanPolicy.Authority.SUPERVISOR)).isEmpty();
    }
}
