package io.arrears.reminder;

import io.arrears.reminder.cases.CaseRepository;
import io.arrears.reminder.schedule.ScheduledStep;
import io.arrears.reminder.schedule.StepKind;
import io.arrears.reminder.schedule.StepRepository;
import io.arrears.testing.ArrearsTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the service asks of the cases and steps it keeps for years is answered from an index, never by
 * reading every row the bank has kept: closed cases and finished steps pile up, and a scan costs more
 * with each one.
 */
@QuarkusTest
@QuarkusTestResource(value = ArrearsTestResource.class, initArgs = @ResourceArg(name = ArrearsTestResource.DATABASE, value = "reminder"))
class HistoryLookupsTest {

    @Inject
    CaseRepository cases;
    @Inject
    StepRepository steps;
    @Inject
    EntityManager entityManager;

    @Test
    void thePreDueCheckReadsOnlyTheCasesOfTheAccountsItAsksAbout() {
        assertThat(sequentialScans("collection_case", () -> cases.openOrForStatements(List.of("ACC-1", "ACC-2"), List.of("ST-1")))).isZero();
    }

    @Test
    void aSinglePreDueCheckReadsOnlyItsAccountsCases() {
        assertThat(sequentialScans("collection_case", () -> cases.openOrForStatement("ACC-1", "ST-1"))).isZero();
    }

    @Test
    void aFallbackFindsTheStepsOfItsNoticeWithoutReadingEveryStep() {
        ScheduledStep failed = new ScheduledStep();
        failed.accountId = "ACC-1";
        failed.kind = StepKind.PRE_DUE;
        failed.reference = "DUE-ST-1";
        assertThat(sequentialScans("scheduled_step", () -> steps.sameNotice(failed))).isZero();
    }

    /**
     * How often {@code lookup} read {@code table} from end to end, counted by PostgreSQL around it in one
     * transaction (the connection's count also holds earlier transactions' scans not yet reported). A test
     * database holds a few rows, which the planner would rightly scan rather than look up, so it is told
     * to take an index wherever one can answer: a scan left means none can.
     */
    private long sequentialScans(String table, Runnable lookup) {
        return QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("set local enable_seqscan = off").executeUpdate();
            long before = scansOf(table);
            lookup.run();
            return scansOf(table) - before;
        });
    }

    private long scansOf(String table) {
        return ((Number) entityManager.createNativeQuery("select seq_scan from pg_stat_xact_user_tables where relname = ?1")
                .setParameter(1, table).getSingleResult()).longValue();
    }
}
