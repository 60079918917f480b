package io.arrears.contact.flow;

import io.arrears.contact.Cardholder;
import io.arrears.contact.Peers;
import io.arrears.contact.ProviderPeers;
import io.arrears.contact.SentEvents;
import io.arrears.contact.channel.ChannelAdapters;
import io.arrears.contact.channel.OutgoingMessage;
import io.arrears.contact.channel.SendResult;
import io.arrears.contact.customer.ContactPoint;
import io.arrears.contact.dispatch.AttemptRepository;
import io.arrears.contact.dispatch.AttemptStatus;
import io.arrears.contact.dispatch.ContactAttempt;
import io.arrears.contact.dispatch.Dispatcher;
import io.arrears.contact.dispatch.PromptSends;
import io.arrears.contact.config.ContactConfig;
import io.arrears.contact.dispatch.Reconciler;
import io.arrears.contact.template.RenderedNotice;
import io.arrears.events.Channel;
import io.arrears.events.DeliveryStatus;
import io.arrears.events.EventJson;
import io.arrears.events.ReminderRequested;
import io.arrears.events.ReminderSent;
import io.arrears.testing.ArrearsTestResource;
import io.arrears.testing.KafkaTestClient;
import io.arrears.clock.MovableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reminder leaves once: a repeated request finds its attempt already there, and a send that a
 * crash interrupted (the row left SENDING) is settled with the provider before anything is resent.
 */
@QuarkusTest
@QuarkusTestResource(value = ArrearsTestResource.class, initArgs = @ResourceArg(name = ArrearsTestResource.DATABASE, value = "contact"))
@QuarkusTestResource(ProviderPeers.class)
class ExactlyOnceTest {


    @Inject
    Dispatcher dispatcher;
    @Inject
    Reconciler reconciler;
    @Inject
    AttemptRepository attempts;
    @Inject
    ChannelAdapters adapters;
    @Inject
    MovableClock clock;
    @Inject
    PromptSends promptSends;
    @Inject
    ContactConfig config;

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
    void aDuplicatedRequestSendsOnce() throws Exception {
        Cardholder holder = Cardholder.create("en", "Asia/Shanghai");
        ReminderRequested request = holder.reminder(Channel.EMAIL, "overdue-notice");
        String ceId = KafkaTestClient.publish(request);
        KafkaTestClient.publish(request, ceId);
        KafkaTestClient.publish(request);
        ReminderRequested marker = holder.reminder(Channel.EMAIL, "second-notice");
        KafkaTestClient.publish(marker);

        sent.await(marker.reminderId(), DeliveryStatus.SENT);
        // Read again long after it was sent, in a batch of its own: the attempt, keyed by the reminder, is
        // what remembers it (no inbox row is kept for requests).
        KafkaTestClient.publish(request, ceId);
        ReminderRequested after = holder.reminder(Channel.EMAIL, "second-notice");
        KafkaTestClient.publish(after);
        sent.await(after.reminderId(), DeliveryStatus.SENT);
        dispatcher.dispatchDue();
        assertThat(mailsFor(request.reminderId())).isEqualTo(1);
        assertThat(sent.of(request.reminderId())).hasSize(1);
        assertThat(holder.history().getList("attempts.reminderId"))
                .containsExactlyInAnyOrder(request.reminderId(), marker.reminderId(), after.reminderId());
    }

    @Test
    void anInterruptedEmailIsUnknownAndNeverSentAgain() throws Exception {
        Cardholder holder = Cardholder.create("en", "Asia/Shanghai");
        ContactAttempt attempt = crashedAfterHandingOver(holder, Channel.EMAIL, "overdue-notice", true);

        // The scheduled reconciler may settle it first; either way it is settled once.
        reconciler.reconcile();
        ReminderSent unknown = sent.await(attempt.reminderId, DeliveryStatus.UNKNOWN);
        assertThat(unknown.reason()).contains("smtp cannot say whether it took the message; not resent");
        dispatcher.dispatchDue();
        assertThat(mailsFor(attempt.reminderId)).isEqualTo(1);
        assertThat(status(attempt.reminderId)).isEqualTo(AttemptStatus.UNKNOWN);
        assertThat(sent.of(attempt.reminderId)).hasSize(1);
    }

    @Test
    void anInterruptedLetterThatReachedTheFolderIsSentAndOneThatDidNotIsSentOnce() throws Exception {
        Cardholder holder = Cardholder.create("en", "Asia/Shanghai");
        ContactAttempt dropped = crashedAfterHandingOver(holder, Channel.LETTER, "formal-letter", true);
        ContactAttempt lost = crashedAfterHandingOver(holder, Channel.LETTER, "second-notice", false);

        reconciler.reconcile();
        assertThat(sent.await(dropped.reminderId, DeliveryStatus.SENT).reason()).isEqualTo("confirmed by the provider after an interrupted send");
        dispatcher.dispatchDue();
        sent.await(lost.reminderId, DeliveryStatus.SENT);
        assertThat(letters(dropped.reminderId)).hasSize(1);
        assertThat(letters(lost.reminderId)).hasSize(1);
        assertThat(sent.of(lost.reminderId)).hasSize(1);
    }

    @Test
    void anInterruptedCallIsFoundAtTheVendorByItsReferenceAndNotPlacedAgain() throws Exception {
        Cardholder holder = Cardholder.create("en", "Asia/Shanghai");
        ContactAttempt call = crashedAfterHandingOver(holder, Channel.VOICE, "overdue-call", false);
        Peers.ivr().stubFor(get(urlEqualTo("/calls?reference=" + call.reminderId))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"callId\":\"CALL-77\"}")));

        reconciler.reconcile();
        assertThat(sent.await(call.reminderId, DeliveryStatus.SENT).providerMessageId()).isEqualTo("CALL-77");
        dispatcher.dispatchDue();
        Peers.ivr().verify(0, postRequestedFor(urlEqualTo("/calls")).withHeader("Idempotency-Key", equalTo(call.reminderId)));
    }

    @Test
    void anSmsTheCentreTookButNeverAnsweredIsUnknownAndNeverSentAgain() {
        Cardholder holder = Cardholder.create("zh-CN", "Asia/Shanghai");
        ReminderRequested request = holder.reminder(Channel.SMS, "overdue-notice");
        Peers.smsc().stallAnswers(Duration.ofSeconds(5));
        try {
            KafkaTestClient.publish(request);
            await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
                ContactAttempt attempt = attempts.findById(request.reminderId());
                return attempt != null && attempt.statusReason != null && attempt.statusReason.startsWith("the provider may have taken it");
            }));
        } finally {
            Peers.smsc().stallAnswers(Duration.ZERO);
        }
        assertThat(status(request.reminderId())).isEqualTo(AttemptStatus.SENDING);

        clock.advance(Duration.ofMinutes(3));
        reconciler.reconcile();
        assertThat(sent.await(request.reminderId(), DeliveryStatus.UNKNOWN).reason()).contains("not resent");
        dispatcher.dispatchDue();
        assertThat(Peers.smsc().submitted().stream().filter(s -> s.destination().equals(holder.phoneDigits()))).hasSize(1);
        assertThat(status(request.reminderId())).isEqualTo(AttemptStatus.UNKNOWN);
    }

    /**
     * A consumer judges the next request while the last part's sends are out, but commits it only once their answers
     * are recorded: a part committed SENDING while another is with the providers would be a second part that a crash
     * leaves SENDING, and its email, never sent, UNKNOWN for a person.
     */
    @Test
    void aRequestTakenWhileTheLastPartIsWithTheProvidersIsCommittedOnlyOnceThoseSendsAreAnswered() throws Exception {
        Cardholder texted = Cardholder.create("en", "Asia/Shanghai");
        Cardholder mailed = Cardholder.create("en", "Asia/Shanghai");
        ReminderRequested text = texted.reminder(Channel.SMS, "overdue-notice");
        ReminderRequested mail = mailed.reminder(Channel.EMAIL, "overdue-notice");
        Peers.smsc().stallAnswers(Duration.ofSeconds(5));
        try {
            KafkaTestClient.publish(text);
            await().atMost(Duration.ofSeconds(30)).until(() -> attempt(text.reminderId()) != null);
            assertThat(attempt(text.reminderId()).statusReason).as("the text is with the centre, unanswered").isNull();

            KafkaTestClient.publish(mail);
            await().atMost(Duration.ofSeconds(30)).until(() -> attempt(mail.reminderId()) != null);
            ContactAttempt textWhenTheMailWasCommitted = attempt(text.reminderId());
            assertThat(textWhenTheMailWasCommitted.status).isEqualTo(AttemptStatus.SENDING);
            assertThat(textWhenTheMailWasCommitted.statusReason).as("the text's answer, recorded before the mail was committed")
                    .startsWith("the provider may have taken it");
        } finally {
            Peers.smsc().stallAnswers(Duration.ZERO);
        }
        sent.await(mail.reminderId(), DeliveryStatus.SENT);
        assertThat(mailsFor(mail.reminderId())).isEqualTo(1);

        clock.advance(Duration.ofMinutes(3));
        reconciler.reconcile();
        assertThat(sent.await(text.reminderId(), DeliveryStatus.UNKNOWN).reason()).contains("not resent");
    }

    @Test
    void aCallTheVendorTookButAnsweredTooLateForIsFoundByItsReferenceAndNotPlacedAgain() {
        Cardholder holder = Cardholder.create("en", "Asia/Shanghai");
        ReminderRequested request = holder.reminder(Channel.VOICE, "overdue-call");
        Peers.ivr().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/calls")).atPriority(1)
                .withHeader("Idempotency-Key", equalTo(request.reminderId()))
                .willReturn(aResponse().withStatus(201).withFixedDelay(5_000).withHeader("Content-Type", "application/json")
                        .withBody("{\"callId\":\"CALL-88\"}")));
        Peers.ivr().stubFor(get(urlEqualTo("/calls?reference=" + request.reminderId()))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"callId\":\"CALL-88\"}")));

        KafkaTestClient.publish(request);
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            ContactAttempt attempt = attempts.findById(request.reminderId());
            return attempt != null && attempt.statusReason != null && attempt.statusReason.startsWith("the provider may have taken it");
        }));
        clock.advance(Duration.ofMinutes(3));
        reconciler.reconcile();

        assertThat(sent.await(request.reminderId(), DeliveryStatus.SENT).providerMessageId()).isEqualTo("CALL-88");
        dispatcher.dispatchDue();
        Peers.ivr().verify(1, postRequestedFor(urlEqualTo("/calls")).withHeader("Idempotency-Key", equalTo(request.reminderId())));
    }

    /**
     * A consumer's poll is judged and sent a dispatch batch at a time, so a crash leaves at most one batch's attempts
     * SENDING unsent; one account's records stay in their order across the parts.
     */
    @Test
    void aLargePollOfRequestsIsTakenInPartsOfADispatchBatchInOrder() {
        TopicPartition p0 = new TopicPartition("arrears.reminder-requested.v1", 0);
        TopicPartition p1 = new TopicPartition("arrears.reminder-requested.v1", 1);
        List<ConsumerRecord<String, byte[]>> first = IntStream.range(0, 160).mapToObj(i -> record(p0, i)).toList();
        List<ConsumerRecord<String, byte[]>> second = IntStream.range(0, 90).mapToObj(i -> record(p1, i)).toList();
        Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> byPartition = new LinkedHashMap<>();
        byPartition.put(p0, first);
        byPartition.put(p1, second);
        List<List<String>> parts = new ArrayList<>();

        promptSends.inParts(new ConsumerRecords<>(byPartition, Map.of()), part -> {
            List<String> seen = new ArrayList<>();
            part.forEach(r -> seen.add(r.partition() + "/" + r.offset()));
            parts.add(seen);
        });

        int batch = config.dispatch().batchSize();
        assertThat(250).as("the records span three parts").isBetween(2 * batch + 1, 3 * batch);
        assertThat(parts).extracting(List::size).containsExactly(batch, batch, 250 - 2 * batch);
        List<String> all = parts.stream().flatMap(List::stream).toList();
        assertThat(all).containsExactlyElementsOf(Stream.concat(first.stream(), second.stream())
                .map(r -> r.partition() + "/" + r.offset()).toList());
    }

    private static ConsumerRecord<String, byte[]> record(TopicPartition partition, long offset) {
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset, "ACC-" + partition.partition(), new byte[0]);
    }

    /**
     * The state a crash leaves: the attempt marked SENDING long ago and, if {@code handedOver}, the
     * message already with the provider, but no result recorded.
     */
    private ContactAttempt crashedAfterHandingOver(Cardholder holder, Channel channel, String template, boolean handedOver) {
        ReminderRequested request = holder.reminder(channel, template);
        ContactAttempt attempt = new ContactAttempt();
        attempt.reminderId = request.reminderId();
        attempt.caseId = request.caseId();
        attempt.accountId = holder.accountId();
        attempt.customerId = holder.customerId();
        attempt.channel = channel;
        attempt.templateId = template;
        attempt.facts = new String(EventJson.write(request.facts()), StandardCharsets.UTF_8);
        attempt.moveTo(AttemptStatus.PENDING);
        attempt.moveTo(AttemptStatus.SENDING);
        attempt.tries = 1;
        OffsetDateTime longAgo = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minusMinutes(10);
        attempt.notBefore = longAgo;
        attempt.createdAt = longAgo;
        attempt.attemptedAt = longAgo;
        QuarkusTransaction.requiringNew().run(() -> attempts.persist(attempt));
        if (handedOver) {
            ContactPoint to = switch (channel) {
                case EMAIL -> new ContactPoint(channel, holder.email(), "masked", "Li Wei");
                case LETTER -> new ContactPoint(channel, "{\"lines\":[\"88 Century Avenue\"],\"city\":\"Shanghai\"}", "masked", "Li Wei");
                default -> throw new IllegalArgumentException(channel.name());
            };
            RenderedNotice notice = new RenderedNotice(template, "en", "Notice", "Short notice", List.of("A notice."));
            assertThat(adapters.forChannel(channel).send(new OutgoingMessage(attempt.reminderId, holder.accountId(), to, notice)).kind())
                    .isEqualTo(SendResult.Kind.ACCEPTED);
        }
        return attempt;
    }



    private ContactAttempt attempt(String reminderId) {
        return QuarkusTransaction.requiringNew().call(() -> attempts.findById(reminderId));
    }

    private AttemptStatus status(String reminderId) {
        return QuarkusTransaction.requiringNew().call(() -> attempts.findById(reminderId).status);
    }

    private static long mailsFor(String reminderId) throws Exception {
        long count = 0;
        for (var m : Peers.mail().received()) {
            String[] header = m.getHeader("X-Arrears-Reminder");
            if (header != null && header[0].equals(reminderId)) {
                count++;
            }
        }
        return count;
    }

    private static List<Path> letters(String reminderId) throws IOException {
        try (Stream<Path> files = Files.walk(Peers.printFolder())) {
            return files.filter(p -> p.getFileName().toString().equals(reminderId + ".pdf")).toList();
        }
    }
}
