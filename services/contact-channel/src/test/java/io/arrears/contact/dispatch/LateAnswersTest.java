package io.arrears.contact.dispatch;

import io.arrears.contact.Cardholder;
import io.arrears.contact.Peers;
import io.arrears.contact.ProviderPeers;
import io.arrears.contact.SentEvents;
import io.arrears.contact.channel.SendResult;
import io.arrears.events.Channel;
import io.arrears.events.DeliveryStatus;
import io.arrears.events.ReminderRequested;
import io.arrears.testing.ArrearsTestResource;
import io.arrears.testing.KafkaTestClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider's answer can come after the attempt was settled without it: the reconciler found the message at the
 * provider while the answer was on its way. Recording that answer must change nothing and tell nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = ArrearsTestResource.class, initArgs = @ResourceArg(name = ArrearsTestResource.DATABASE, value = "contact"))
@QuarkusTestResource(ProviderPeers.class)
class LateAnswersTest {

    @Inject
    ContactGate gate;
    @Inject
    Dispatcher dispatcher;
    @Inject
    AttemptRepository attempts;
    @Inject
    MeterRegistry registry;

    private SentEvents sent;

    @BeforeEach
    void open() {
        Peers.startAll();
        sent = new SentEvents(dispatcher);
    }

    @AfterEach
    void close() {
        sent.close();
    }

    @Test
    void anAnswerForAnAttemptNoLongerSendingChangesNothingAndTellsNothing() {
        Cardholder holder = Cardholder.create("en", "Asia/Shanghai");
        ReminderRequested refusedLate = holder.reminder(Channel.EMAIL, "overdue-notice");
        ReminderRequested acceptedAgain = holder.reminder(Channel.EMAIL, "second-notice");
        KafkaTestClient.publish(refusedLate);
        KafkaTestClient.publish(acceptedAgain);
        String messageId = sent.await(acceptedAgain.reminderId(), DeliveryStatus.SENT).providerMessageId();
        sent.await(refusedLate.reminderId(), DeliveryStatus.SENT);
        double told = outcomesTold();

        QuarkusTransaction.requiringNew().run(() -> gate.recordAll(List.of(
                new ProviderAnswer(refusedLate.reminderId(), SendResult.rejected("550 refused after all")),
                new ProviderAnswer(acceptedAgain.reminderId(), SendResult.accepted("<another-id@arrears>")))));

        assertThat(outcomesTold()).as("outcomes told by the late answers").isEqualTo(told);
        QuarkusTransaction.requiringNew().run(() -> {
            ContactAttempt refused = attempts.findById(refusedLate.reminderId());
            assertThat(refused.status).isEqualTo(AttemptStatus.SENT);
            assertThat(refused.statusReason).isNull();
            assertThat(refused.finishedAt).isNotNull();
            ContactAttempt accepted = attempts.findById(acceptedAgain.reminderId());
            assertThat(accepted.status).isEqualTo(AttemptStatus.SENT);
            assertThat(accepted.providerMessageId).isEqualTo(messageId);
        });
    }

    private double outcomesTold() {
        return registry.find("arrears.contact.outcomes").tag("channel", "EMAIL").counters().stream().mapToDouble(Counter::count).sum();
    }
}
