package io.arrears.account.messaging;

import io.arrears.account.service.BusinessCalendar;
import io.arrears.account.service.EndOfDay;
import io.arrears.events.BusinessDayClosed;
import io.arrears.messaging.EventIntake;
import io.arrears.messaging.Outcome;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Records the closed day, then ages accounts for it once that is committed. */
@ApplicationScoped
public class BusinessDayConsumer {

    private final EventIntake intake;
    private final BusinessCalendar calendar;
    private final EndOfDay endOfDay;

    BusinessDayConsumer(EventIntake intake, BusinessCalendar calendar, EndOfDay endOfDay) {
        this.intake = intake;
        this.calendar = calendar;
        this.endOfDay = endOfDay;
    }

    @Incoming("business-days")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        intake.apply("account.business-days", records, BusinessDayClosed.class, (event, headers) -> {
            calendar.close(event.businessDate(), headers.time() != null ? headers.time() : java.time.OffsetDateTime.now());
            return Outcome.applied();
        });
        endOfDay.catchUp();
    }
}
