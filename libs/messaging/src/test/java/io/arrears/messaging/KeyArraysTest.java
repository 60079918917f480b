package io.arrears.messaging;

import io.arrears.testing.ArrearsTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(value = ArrearsTestResource.class, initArgs = @ResourceArg(name = ArrearsTestResource.DATABASE, value = "messaging"))
class KeyArraysTest {

    @Inject
    EntityManager entityManager;

    @Test
    void aNativeQueryOfKeysIsPlannedOnceHoweverOftenItRuns() {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.persist(new DayNote(LocalDate.of(2031, 5, 6), "found"));
            entityManager.persist(new DayNote(LocalDate.of(2031, 5, 7), "found too"));
        });
        String sql = "select note from day_note where business_date::text = any(:keys) order by note";
        // The first run plans the query; every later one must find that plan, not plan it again beside the others.
        QuarkusTransaction.requiringNew().call(() -> KeyArrays.query(entityManager, sql, DayNote.class, List.of("2031-05-06")).getResultList());
        int planned = cachedPlans();

        for (int run = 0; run < 20; run++) {
            List<String> keys = run % 2 == 0 ? List.of("2031-05-06", "2031-05-07") : List.of("2031-05-07", "2031-05-08", "2031-05-09");
            List<String> found = QuarkusTransaction.requiringNew().call(() -> KeyArrays.query(entityManager, sql, DayNote.class, keys)
                    .getResultList());
            assertThat(found).isEqualTo(run % 2 == 0 ? List.of("found", "found too") : List.of("found too"));
        }

        assertThat(cachedPlans()).as("query plans cached after twenty more runs").isEqualTo(planned);
    }

    private int cachedPlans() {
        return entityManager.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class).getQueryEngine().getInterpretationCache()
                .getNumberOfCachedQueryPlans();
    }
}
