package io.arrears.messaging;

import io.arrears.events.BusinessDayClosed;
import io.arrears.events.CloudEventHeaders;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/** A consumer as services write them, counting how often each business day is applied. */
@ApplicationScoped
public class DayConsumer implements Subscriptions {

    private final EventIntake intake;
    private final Subscription<BusinessDayClosed> businessDayClosed;
    private final EntityManager entityManager;

    public DayConsumer(EventIntake intake, EntityManager entityManager) {
        this.intake = intake;
        this.entityManager = entityManager;
        this.businessDayClosed = Subscription.of("day-consumer", BusinessDayClosed.class, this::apply);
    }

    @Incoming("days")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        intake.apply(businessDayClosed, records);
    }

    /** Days before 2000 the ledger was given since: a test's stand-in for the fix that makes a refused day usable. */
    private final java.util.Set<java.time.LocalDate> backfilled = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public void backfill(java.time.LocalDate day) {
        backfilled.add(day);
    }

    Outcome apply(BusinessDayClosed day, CloudEventHeaders headers) {
        if (day.businessDate().getYear() < 2000 && !backfilled.contains(day.businessDate())) {
            return Outcome.rejected("business date " + day.businessDate() + " predates the ledger");
        }
        entityManager.createNativeQuery("""
                        insert into applied_day (business_date, times) values (?1, 1)
                        on conflict (business_date) do update set times = applied_day.times + 1""")
                .setParameter(1, day.businessDate())
                .executeUpdate();
        return Outcome.applied();
    }

    public int timesApplied(java.time.LocalDate date) {
        var rows = entityManager.createNativeQuery("select times from applied_day where business_date = ?1")
                .setParameter(1, date).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
    }

    @Override
    public List<Subscription<?>> subscriptions() {
        return List.of(businessDayClosed);
    }
}
