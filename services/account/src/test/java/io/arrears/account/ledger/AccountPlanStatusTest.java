package io.arrears.account.ledger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A plan on the account's books ends once, one way; the table refuses anything else by name. */
class AccountPlanStatusTest {

    @Test
    void aPlanStartsActiveAndEndsOnce() {
        AccountPlan plan = new AccountPlan();
        assertThatThrownBy(() -> plan.moveTo(AccountPlan.Status.BROKEN)).isInstanceOf(AccountPlan.IllegalTransition.class)
                .hasMessageContaining("starts ACTIVE");
        plan.moveTo(AccountPlan.Status.ACTIVE);
        plan.moveTo(AccountPlan.Status.SUPERSEDED);
        assertThat(plan.status).isEqualTo(AccountPlan.Status.SUPERSEDED);
        assertThatThrownBy(() -> plan.moveTo(AccountPlan.Status.COMPLETED)).isInstanceOf(AccountPlan.IllegalTransition.class)
                .hasMessageContaining("SUPERSEDED cannot become COMPLETED; it has ended");
    }
}
