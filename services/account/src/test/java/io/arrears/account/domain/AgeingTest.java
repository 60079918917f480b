package io.arrears.account.domain;

import io.arrears.account.ledger.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Statement ST1 issued 2026-10-05, due 2026-10-30, minimum 100.00; grace 3 days, so day 1 is 2026-11-03. */
class AgeingTest {

    static Stream<Arguments> months() {
        return Stream.of(
                Arguments.of("paid in full before the due date: only the due-soon reminder",
                        (UnaryOperator<Scenario>) s -> s.pay("2026-10-20", "100.00").closeDays("2026-10-06", "2026-12-31"),
                        List.of()),
                Arguments.of("never paid: due soon, day 1, then each worse bucket",
                        (UnaryOperator<Scenario>) s -> s.closeDays("2026-10-06", "2027-02-05"),
                        List.of("2026-10-27 DUE_SOON ST1",
                                "2026-11-03 MISSED 1-29 dpd=1 overdue=100.00 MINIMUM_NOT_PAID",
                                "2026-12-02 MISSED 30-59 dpd=30 overdue=100.00 MINIMUM_NOT_PAID",
                                "2027-01-01 MISSED 60-89 dpd=60 overdue=100.00 MINIMUM_NOT_PAID",
                                "2027-01-31 MISSED 90-119 dpd=90 overdue=100.00 MINIMUM_NOT_PAID")),
                Arguments.of("partial payment before the due date: still missed, for the rest",
                        (UnaryOperator<Scenario>) s -> s.pay("2026-10-28", "40.00").closeDays("2026-10-28", "2026-11-05"),
                        List.of("2026-10-28 DUE_SOON ST1", "2026-11-03 MISSED 1-29 dpd=1 overdue=60.00 MINIMUM_NOT_PAID")),
                Arguments.of("payment on the due date is on time",
                        (UnaryOperator<Scenario>) s -> s.closeDays("2026-10-28", "2026-10-29").pay("2026-10-30", "100.00")
                                .closeDays("2026-10-30", "2026-11-30"),
                        List.of("2026-10-28 DUE_SOON ST1")),
                Arguments.of("payment during grace is on time",
                        (UnaryOperator<Scenario>) s -> s.closeDays("2026-10-28", "2026-11-01").pay("2026-11-02", "100.00")
                                .closeDays("2026-11-02", "2026-11-30"),
                        List.of("2026-10-28 DUE_SOON ST1")),
                Arguments.of("payment after going delinquent cures, and nothing more is missed",
                        (UnaryOperator<Scenario>) s -> s.closeDays("2026-10-31", "2026-11-09").pay("2026-11-10", "100.00")
                                .closeDays("2026-11-10", "2027-01-31"),
                        List.of("2026-11-03 MISSED 1-29 dpd=1 overdue=100.00 MINIMUM_NOT_PAID",
                                "2026-11-10 RECEIVED 100.00 remaining=0.00 cured")),
                Arguments.of("partial cure keeps the account late and the ladder going",
                        (UnaryOperator<Scenario>) s -> s.closeDays("2026-10-31", "2026-11-09").pay("2026-11-10", "30.00")
                                .closeDays("2026-11-10", "2026-12-03"),
                        List.of("2026-11-03 MISSED 1-29 dpd=1 overdue=100.00 MINIMUM_NOT_PAID",
                                "2026-11-10 RECEIVED 30.00 remaining=70.00",
                                "2026-12-02 MISSED 30-59 dpd=30 overdue=70.00 MINIMUM_NOT_PAID")),
                Arguments.of("two statements in a row unpaid: overdue adds up, lateness runs from the first",
                        (UnaryOperator<Scenario>) s -> s.closeDays("2026-10-31", "2026-11-04")
                                .statement("ST2", "2026-11-05", "2026-11-30", "150.00")
                                .closeDays("2026-11-05", "2026-12-04"),
                        List.of("2026-11-03 MISSED 1-29 dpd=1 overdue=100.00 MINIMUM_NOT_PAID",
                                "2026-11-27 DUE_SOON ST2",
                                "2026-12-02 MISSED 30-59 dpd=30 overdue=100.00 MINIMUM_NOT_PAID")),
                Arguments.of("a payment pays the oldest minimum first, so lateness restarts from the second",
                        (UnaryOperator<Scenario>) s -> s.closeDays("2026-10-31", "2026-11-04")
                                .statement("ST2", "2026-11-05", "2026-11-30", "150.00")
                                .closeDays("2026-11-05", "2026-12-05").pay("2026-12-06", "100.00")
                                .closeDays("2026-12-06", "2026-12-08"),
                        List.of("2026-11-03 MISSED 1-29 dpd=1 overdue=100.00 MINIMUM_NOT_PAID",
                                "2026-11-27 DUE_SOON ST2",
                                "2026-12-02 MISSED 30-59 dpd=30 overdue=100.00 MINIMUM_NOT_PAID",
                                "2026-12-06 RECEIVED 100.00 remaining=150.00"))
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("months")
    void aMonthOfOneAccount(String title, UnaryOperator<Scenario> month, List<String> expected) {
        Scenario scenario = new Scenario(3).statement("ST1", "2026-10-05", "2026-10-30", "100.00");

        month.apply(scenario);

        assertThat(scenario.log).containsExactlyElementsOf(expected);
    }

    @Test
    void bucketChangesFrom29To30AndFrom89To90() {
        Scenario scenario = new Scenario(0).statement("ST1", "2026-10-05", "2026-10-30", "100.00");

        assertThat(scenario.delinquencyOn("2026-11-28").daysPastDue()).isEqualTo(29);
        assertThat(scenario.delinquencyOn("2026-11-28").bucket()).isEqualTo("1-29");
        assertThat(scenario.delinquencyOn("2026-11-29").bucket()).isEqualTo("30-59");
        assertThat(scenario.delinquencyOn("2027-01-27").daysPastDue()).isEqualTo(89);
        assertThat(scenario.delinquencyOn("2027-01-27").bucket()).isEqualTo("60-89");
        assertThat(scenario.delinquencyOn("2027-01-28").bucket()).isEqualTo("90-119");
    }

    @Test
    void endOfDayOnlyOnBusinessDaysStillAnnouncesABucketThatStartedOverTheWeekend() {
        // Day 30 is Sunday 2026-11-29 with no grace; the run on Monday announces 30-59 at dpd 31.
        Scenario scenario = new Scenario(0).statement("ST1", "2026-10-05", "2026-10-30", "100.00");

        scenario.closeDay(java.time.LocalDate.parse("2026-10-31"))
                .closeDay(java.time.LocalDate.parse("2026-11-27"))
                .closeDay(java.time.LocalDate.parse("2026-11-30"));

        assertThat(scenario.log).containsExactly(
                "2026-10-31 MISSED 1-29 dpd=1 overdue=100.00 MINIMUM_NOT_PAID",
                "2026-11-30 MISSED 30-59 dpd=31 overdue=100.00 MINIMUM_NOT_PAID");
    }

    @Test
    void aPlanInstalmentMissedBreaksThePlanAndAnnouncesTheMissedPayment() {
        Scenario scenario = new Scenario(3).statement("ST1", "2026-10-05", "2026-10-30", "100.00")
                .closeDays("2026-10-31", "2026-11-10")
                .plan("PLAN-1", "2026-11-10", "2026-11-20", "50.00", "2026-12-20", "50.00")
                .closeDays("2026-11-11", "2026-11-20")
                .pay("2026-11-20", "50.00")
                .closeDays("2026-11-21", "2026-12-31");

        assertThat(scenario.log).containsExactly(
                "2026-11-03 MISSED 1-29 dpd=1 overdue=100.00 MINIMUM_NOT_PAID",
                "2026-11-20 RECEIVED 50.00 remaining=50.00",
                "2026-12-24 PLAN_BROKEN PLAN-1#2 missed=50.00",
                "2026-12-24 MISSED 30-59 dpd=52 overdue=50.00 PLAN_INSTALMENT_MISSED");
    }

    @Test
    void whileAPlanIsKeptOrdinaryAgeingAnnouncesNothing() {
        Scenario scenario = new Scenario(3).statement("ST1", "2026-10-05", "2026-10-30", "100.00")
                .closeDays("2026-10-31", "2026-11-10")
                .plan("PLAN-1", "2026-11-10", "2026-12-20", "100.00")
                .closeDays("2026-11-11", "2026-12-19");

        assertThat(scenario.log).containsExactly("2026-11-03 MISSED 1-29 dpd=1 overdue=100.00 MINIMUM_NOT_PAID");
    }

    @Test
    void aPlanPaidInFullIsCompletedAndCuresTheAccount() {
        Scenario scenario = new Scenario(3).statement("ST1", "2026-10-05", "2026-10-30", "100.00")
                .closeDays("2026-10-31", "2026-11-10")
                .plan("PLAN-1", "2026-11-10", "2026-11-20", "40.00", "2026-12-20", "40.00")
                .pay("2026-11-18", "40.00")
                .pay("2026-12-18", "40.00")
                .closeDays("2026-11-11", "2027-01-31");

        assertThat(scenario.log).containsExactly(
                "2026-11-03 MISSED 1-29 dpd=1 overdue=100.00 MINIMUM_NOT_PAID",
                "2026-11-18 RECEIVED 40.00 remaining=60.00",
                "2026-12-18 PLAN_COMPLETED",
                "2026-12-18 RECEIVED 40.00 remaining=0.00 cured");
    }
}
