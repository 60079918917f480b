package io.arrears.reminder.cases;

import io.arrears.events.MissedReason;
import io.arrears.events.PaymentMissed;
import io.arrears.events.PaymentReceived;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The case's rules, on the aggregate alone: no database, no broker. */
class CollectionCaseTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final OffsetDateTime NOW = TODAY.atTime(9, 0).atOffset(ZoneOffset.UTC);

    private final CollectionCase c = CollectionCase.open("CASE-1", "champion", missed(5, "1-29", MissedReason.MINIMUM_NOT_PAID, null),
            TODAY, NOW);

    @Test
    void a_new_case_is_open_with_its_ladder_day_one_on_its_first_day_past_due() {
        assertThat(c.state()).isEqualTo(CaseState.OPEN);
        assertThat(c.dayOne()).isEqualTo(TODAY.minusDays(4));
        assertThat(c.ladderDay(TODAY)).isEqualTo(5);
        assertThat(c.ladderBucket()).isNull();
    }

    @Test
    void a_missed_payment_in_the_same_bucket_keeps_the_ladder_and_in_another_asks_for_the_new_one() {
        c.enterLadderOfBucket();
        assertThat(c.missed(missed(12, "1-29", MissedReason.MINIMUM_NOT_PAID, null), TODAY)).isFalse();
        assertThat(c.missed(missed(31, "30-59", MissedReason.MINIMUM_NOT_PAID, null), TODAY)).isTrue();
        c.enterLadderOfBucket();
        assertThat(c.ladderBucket()).isEqualTo("30-59");
    }

    @Test
    void state_follows_the_facts_and_each_change_is_told_once() {
        assertThat(c.settleState(true, false)).contains(new CaseChange(TimelineKind.STATE, "OPEN -> ON_HOLD"));
        assertThat(c.settleState(true, false)).isEmpty();
        assertThat(c.settleState(false, true)).contains(new CaseChange(TimelineKind.STATE, "ON_HOLD -> PROMISED"));
    }

    @Test
    void a_plan_cannot_be_agreed_on_hold_nor_over_another_and_a_promise_cannot_contradict_one() {
        c.settleState(true, false);
        assertThatThrownBy(() -> c.agreePlan("PLAN-1")).isInstanceOf(CaseConflict.class).hasMessageContaining("on hold");
        c.settleState(false, false);
        c.agreePlan("PLAN-1");
        assertThat(c.settleState(false, false)).contains(new CaseChange(TimelineKind.STATE, "OPEN -> IN_PLAN"));
        assertThatThrownBy(() -> c.agreePlan("PLAN-2")).isInstanceOf(CaseConflict.class).hasMessageContaining("PLAN-1");
        assertThatThrownBy(c::requirePromisePossible).isInstanceOf(CaseConflict.class).hasMessageContaining("repayment plan");
    }

    @Test
    void a_payment_in_a_plan_counts_toward_it_and_does_not_close_the_case_even_when_cured() {
        c.agreePlan("PLAN-1");
        assertThat(c.paid(new PaymentReceived("ACC-1", "PAY-1", new BigDecimal("300.00"), BigDecimal.ZERO, "CNY", true))).isFalse();
        assertThat(c.paidInPlan()).isEqualByComparingTo("300.00");
        assertThat(c.amountOverdue()).isEqualByComparingTo("0");
    }

    @Test
    void a_cure_outside_a_plan_closes_the_case_and_a_closed_case_refuses_what_follows() {
        assertThat(c.paid(new PaymentReceived("ACC-1", "PAY-1", new BigDecimal("300.00"), BigDecimal.ZERO, "CNY", true))).isTrue();
        c.queueForAgent(NOW);
        c.close("PAID", NOW);
        assertThat(c.agentTaskSince()).isNull();
        assertThat(c.settleState(false, false)).contains(new CaseChange(TimelineKind.STATE, "OPEN -> CLOSED"));
        assertThatThrownBy(c::requireOpen).isInstanceOf(CaseConflict.class).hasMessageContaining("closed (PAID)");
        assertThatThrownBy(() -> c.paid(new PaymentReceived("ACC-1", "PAY-2", BigDecimal.ONE, BigDecimal.ZERO, "CNY", true)))
                .isInstanceOf(CaseConflict.class);
    }

    @Test
    void only_a_broken_plan_counts_against_the_cardholder() {
        c.agreePlan("PLAN-1");
        assertThat(c.endPlan(RepaymentPlan.Status.REJECTED)).isEqualTo(new CaseChange(TimelineKind.PLAN, "plan PLAN-1 REJECTED"));
        c.agreePlan("PLAN-2");
        assertThat(c.breaksPlan(missed(40, "30-59", MissedReason.PLAN_INSTALMENT_MISSED, "PLAN-OTHER"))).isFalse();
        assertThat(c.breaksPlan(missed(40, "30-59", MissedReason.PLAN_INSTALMENT_MISSED, "PLAN-2"))).isTrue();
        c.endPlan(RepaymentPlan.Status.BROKEN);
        assertThat(c.brokenPlans()).isEqualTo(1);
        assertThat(c.hasPlan()).isFalse();
        assertThatThrownBy(() -> c.endPlan(RepaymentPlan.Status.BROKEN)).isInstanceOf(CaseConflict.class);
    }

    @Test
    void escalation_only_rises_and_the_agents_queue_keeps_the_first_time() {
        c.escalate(CaseState.Escalation.LEGAL_REVIEW);
        c.escalate(CaseState.Escalation.AGENCY);
        assertThat(c.escalation()).isEqualTo(CaseState.Escalation.LEGAL_REVIEW);
        c.queueForAgent(NOW);
        c.queueForAgent(NOW.plusDays(1));
        assertThat(c.agentTaskSince()).isEqualTo(NOW);
    }

    @Test
    void a_segment_move_is_told_only_when_the_segment_changes() {
        c.moveToSegment("standard");
        assertThat(c.moveToSegment("standard")).isEmpty();
        assertThat(c.moveToSegment("high-balance")).contains(new CaseChange(TimelineKind.SEGMENT, "standard -> high-balance"));
    }

    private static PaymentMissed missed(int daysPastDue, String bucket, MissedReason reason, String planId) {
        return new PaymentMissed("ACC-1", "CUS-1", "ST-1", TODAY.minusDays(daysPastDue + 3L), new BigDecimal("300.00"),
                new BigDecimal("300.00"), new BigDecimal("3000.00"), "CNY", daysPastDue, bucket, reason, planId, "CLASSIC", "7788");
    }
}
