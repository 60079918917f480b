package io.arrears.account.messaging;

import io.arrears.account.calendar.ClosedBusinessDays;
import io.arrears.account.endofday.EndOfDay;
import io.arrears.events.BusinessDayClosed;
import io.arrears.messaging.EventIntake;
import io.arrears.messaging.Outcome;
import io.arrears.messaging.Subscription;
import io.arrears.messaging.Subscriptions;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/** Records the closed day, then ages accounts for it once that is committed. */
@ApplicationScoped
public class BusinessDayConsumer implements Subscriptions {

    private final EventIntake intake;
    private final Subscription<BusinessDayClosed> businessDayClosed;
    private final EndOfDay endOfDay;

    BusinessDayConsumer(EventIntake intake, ClosedBusinessDays calendar, EndOfDay endOfDay) {
        this.intake = intake;
        this.endOfDay = endOfDay;
        this.businessDayClosed = Subscription.of("account.business-days", BusinessDayClosed.class, (event, headers) -> {
            calendar.close(event.businessDate(), headers.time() != null ? headers.time() : java.time.OffsetDateTime.now());
            return Outcome.applied();
        });
    }

    @Incoming("business-days")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        intake.apply(businessDayClosed, records);
        endOfDay.catchUp();
    }

    @Override
    public List<Subscription<?>> subscriptions() {
        return List.of(businessDayClosed);
    }
}
