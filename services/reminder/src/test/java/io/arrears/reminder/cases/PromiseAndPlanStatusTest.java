package io.arrears.reminder.cases;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A promise and a plan each end once, one way; the tables refuse anything else by name. */
class PromiseAndPlanStatusTest {

    @Test
    void aPromiseStartsOpenAndEndsOnce() {
        PromiseToPay promise = new PromiseToPay();
        assertThatThrownBy(() -> promise.moveTo(PromiseToPay.Status.KEPT)).isInstanceOf(PromiseToPay.IllegalTransition.class)
                .hasMessageContaining("starts OPEN");
        promise.moveTo(PromiseToPay.Status.OPEN);
        promise.moveTo(PromiseToPay.Status.BROKEN);
        assertThat(promise.status).isEqualTo(PromiseToPay.Status.BROKEN);
        assertThatThrownBy(() -> promise.moveTo(PromiseToPay.Status.KEPT)).isInstanceOf(PromiseToPay.IllegalTransition.class)
                .hasMessageContaining("BROKEN cannot become KEPT; it has ended");
    }

    @Test
    void aPlanStartsActiveAndEndsOnce() {
        RepaymentPlan plan = new RepaymentPlan();
        plan.moveTo(RepaymentPlan.Status.ACTIVE);
        assertThatThrownBy(() -> plan.moveTo(RepaymentPlan.Status.ACTIVE)).isInstanceOf(RepaymentPlan.IllegalTransition.class);
        plan.moveTo(RepaymentPlan.Status.REJECTED);
        assertThatThrownBy(() -> plan.moveTo(RepaymentPlan.Status.COMPLETED)).isInstanceOf(RepaymentPlan.IllegalTransition.class)
                .hasMessageContaining("it has ended");
    }
}
