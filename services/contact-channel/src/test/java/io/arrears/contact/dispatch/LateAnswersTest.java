package io.arrears.contact.dispatch;

import io.arrears.contact.Cardholder;
import io.arrears.contact.Peers;
import io.arrears.contact.ProviderPeers;
import io.arrears.contact.channel.SendResult;
import io.arrears.events.Channel;
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
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A provider's answer can come after the attempt was settled without it: the reconciler found the message at the
 * provider while the answer was on its way. Recording that answer must change nothing and tell nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = ArrearsTestResource.class, initArgs = @ResourceArg(name = ArrearsTestResource.DATABASE, value = "contact"))
@QuarkusTestResource(ProviderPeers.class)
class LateAnswersTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @Inject
    ContactGate gate;
    @Inject
    AttemptRepository attempts;
    @Inject
    MeterRegistry registry;

    @Test
    void anAnswerForAnAttemptNoLongerSendingChangesNothingAndTellsNothing() {
        Peers.startAll();
        Cardholder holder = Cardholder.create("en", "Asia/Shanghai");
        ReminderRequested refusedLate = holder.reminder(Channel.EMAIL, "overdue-notice");
        ReminderRequested acceptedAgain = holder.reminder(Channel.EMAIL, "second-notice");
        KafkaTestClient.publish(refusedLate);
        KafkaTestClient.publish(acceptedAgain);
        String messageId = await().atMost(BOUND).until(() -> sent(acceptedAgain.reminderId()), Objects::nonNull).providerMessageId;
        await().atMost(BOUND).until(() -> sent(refusedLate.reminderId()), Objects::nonNull);
        double told = outcomesTold();

        QuarkusTransaction.requiringNew().run(() -> gate.recordAll(List.of(
                new ProviderAnswer(refusedLate.reminderId(), SendResult.rejected("550 refused after all")),
                new ProviderAnswer(acceptedAgain.reminderId(), SendResult.accepted("<another-id@arrears>")))));

        assertThat(outcomesTold()).as("outcomes told by the late answers").isEqualTo(told);
        ContactAttempt refused = sent(refusedLate.reminderId());
        assertThat(refused.statusReason).isNull();
        assertThat(refused.finishedAt).isNotNull();
        assertThat(sent(acceptedAgain.reminderId()).providerMessageId).isEqualTo(messageId);
    }

    /** The attempt if it is SENT, read in a transaction of its own; null otherwise. */
    private ContactAttempt sent(String reminderId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ContactAttempt attempt = attempts.findById(reminderId);
            return attempt != null && attempt.status == AttemptStatus.SENT ? attempt : null;
        });
    }

    private double outcomesTold() {
        return registry.find("arrears.contact.outcomes").tag("channel", "EMAIL").counters().stream().mapToDouble(Counter::count).sum();
    }
}
