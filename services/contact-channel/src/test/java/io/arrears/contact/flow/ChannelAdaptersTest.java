package io.arrears.contact.flow;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.arrears.contact.Cardholder;
import io.arrears.contact.Peers;
import io.arrears.contact.ProviderPeers;
import io.arrears.contact.SentEvents;
import io.arrears.contact.channel.LetterManifest;
import io.arrears.contact.channel.Lookup;
import io.arrears.contact.channel.OutgoingMessage;
import io.arrears.contact.channel.SendResult;
import io.arrears.contact.channel.WebhookAdapter;
import io.arrears.contact.customer.ContactPoint;
import io.arrears.contact.template.RenderedNotice;
import io.arrears.contact.dispatch.AttemptRepository;
import io.arrears.contact.dispatch.ContactAttempt;
import io.arrears.contact.dispatch.AttemptStatus;
import io.arrears.contact.dispatch.Dispatcher;
import io.arrears.contact.dispatch.LateReceipts;
import io.arrears.contact.config.ContactConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.arrears.contact.rest.CallbackSignature;
import io.arrears.events.Channel;
import io.arrears.events.DeliveryStatus;
import io.arrears.events.PlanAgreed;
import io.arrears.events.PlanType;
import io.arrears.events.ReminderRequested;
import io.arrears.events.ReminderSent;
import io.arrears.simulators.SmscSimulator;
import io.arrears.testing.ArrearsTestResource;
import io.arrears.testing.KafkaTestClient;
import io.arrears.clock.MovableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Each adapter against its real peer: an SMTP server, an SMS centre over SMPP, an IVR vendor's HTTP API, a print folder. */
@QuarkusTest
@QuarkusTestResource(value = ArrearsTestResource.class, initArgs = @ResourceArg(name = ArrearsTestResource.DATABASE, value = "contact"))
@QuarkusTestResource(ProviderPeers.class)
class ChannelAdaptersTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @Inject
    Dispatcher dispatcher;
    @Inject
    LetterManifest manifest;
    @Inject
    WebhookAdapter webhook;
    @Inject
    MovableClock clock;
    @Inject
    Scheduler scheduler;
    @Inject
    AttemptRepository attempts;
    @Inject
    LateReceipts lateReceipts;
    @Inject
    ContactConfig config;
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
    void anEmailArrivesInTheCardholdersLanguageAndTheHistoryShowsItMasked() throws Exception {
        Cardholder holder = Cardholder.create("en", "Asia/Shanghai");
        ReminderRequested request = holder.reminder(Channel.EMAIL, "overdue-notice");
        KafkaTestClient.publish(request);

        MimeMessage mail = await().atMost(BOUND).until(() -> mailFor(request.reminderId()), m -> m != null);
        assertThat(mail.getSubject()).isEqualTo("Your card payment is overdue");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(holder.email());
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).contains("300.00 CNY").contains("card ending " + Cardholder.CARD_LAST4).doesNotContain(holder.accountId());

        assertThat(sent.await(request.reminderId(), DeliveryStatus.SENT).providerMessageId()).isEqualTo("<" + request.reminderId() + "@arrears>");
        var history = holder.history();
        assertThat(history.getString("attempts[0].destination")).startsWith("l*").endsWith("@example.com").doesNotContain("li.wei");
        assertThat(history.getString("attempts[0].decisions[0].decision")).isEqualTo("SEND");
        assertThat(history.getString("attempts[0].decisions[0].policyPack")).isEqualTo("cn");
    }

    @Test
    void anSmsGoesOverSmppAndItsDeliveryReceiptMakesItDelivered() {
        Cardholder holder = Cardholder.create("zh-CN", "Asia/Shanghai");
        ReminderRequested request = holder.reminder(Channel.SMS, "overdue-notice");
        KafkaTestClient.publish(request);

        SmscSimulator.Submitted sms = await().atMost(BOUND).until(() -> submittedTo(holder), s -> s != null);
        assertThat(sms.text()).contains("逾期金额300.00CNY").contains("尾号" + Cardholder.CARD_LAST4 + "的信用卡")
                .contains("回复TD退订");
        assertThat(sent.await(request.reminderId(), DeliveryStatus.SENT).providerMessageId()).isEqualTo(sms.messageId());

        Peers.smsc().receipt(sms.messageId(), true);
        sent.await(request.reminderId(), DeliveryStatus.DELIVERED);
        assertThat(holder.history().getString("attempts[0].status")).isEqualTo("DELIVERED");
    }

    @Test
    void aTextWhoseReceiptComesPromptlyIsToldOnceAsDeliveredCarryingTheTimeItWasSent() {
        Cardholder holder = Cardholder.create("zh-CN", "Asia/Shanghai");
        ReminderRequested request = holder.reminder(Channel.SMS, "overdue-notice");
        KafkaTestClient.publish(request);
        SmscSimulator.Submitted sms = await().atMost(BOUND).until(() -> submittedTo(holder), s -> s != null);
        Peers.smsc().receipt(sms.messageId(), true);

        ReminderSent delivered = sent.awaitEvent(request.reminderId(), DeliveryStatus.DELIVERED);
        ContactAttempt attempt = QuarkusTransaction.requiringNew().call(() -> attempts.findById(request.reminderId()));
        assertThat(delivered.sentAt()).isNotNull().isAtSameInstantAs(attempt.sentAt);
        assertThat(delivered.providerMessageId()).isEqualTo(sms.messageId());
        assertThat(delivered.told()).extracting(ReminderSent::status).containsExactly(DeliveryStatus.SENT, DeliveryStatus.DELIVERED);
        assertThat(attempt.tellSentAfter).as("no SENT left to tell alone").isNull();
        assertThat(lateReceipts.tellSendsWithoutReceipt()).isZero();
        // A SENT told before it would be ahead of it on the account's partition, already read.
        assertThat(sent.of(request.reminderId())).containsExactly(delivered);
    }

    @Test
    void aTextWhoseReceiptIsLateIsToldSentAloneAndTheReceiptLaterCarriesTheSameSend() {
        Cardholder holder = Cardholder.create("zh-CN", "Asia/Shanghai");
        ReminderRequested request = holder.reminder(Channel.SMS, "overdue-notice");
        KafkaTestClient.publish(request);
        SmscSimulator.Submitted sms = await().atMost(BOUND).until(() -> submittedTo(holder), s -> s != null);

        ReminderSent alone = sent.awaitEvent(request.reminderId(), DeliveryStatus.SENT);
        OffsetDateTime sentAt = QuarkusTransaction.requiringNew().call(() -> attempts.findById(request.reminderId()).sentAt);
        assertThat(alone.at()).isAtSameInstantAs(sentAt);
        assertThat(alone.sentAt()).isNull();
        assertThat(alone.providerMessageId()).isEqualTo(sms.messageId());

        Peers.smsc().receipt(sms.messageId(), true);
        ReminderSent delivered = sent.awaitEvent(request.reminderId(), DeliveryStatus.DELIVERED);
        assertThat(delivered.sentAt()).isAtSameInstantAs(sentAt);
        assertThat(sent.of(request.reminderId())).containsExactly(alone, delivered);
    }

    @Test
    void receiptsArrivingTogetherSettleEachTextOnceAndALaterContraryReceiptChangesNothing() throws Exception {
        List<Cardholder> holders = List.of(Cardholder.create("zh-CN", "Asia/Shanghai"), Cardholder.create("zh-CN", "Asia/Shanghai"),
                Cardholder.create("zh-CN", "Asia/Shanghai"));
        List<ReminderRequested> requests = holders.stream().map(h -> h.reminder(Channel.SMS, "overdue-notice")).toList();
        requests.forEach(KafkaTestClient::publish);
        List<String> texts = holders.stream().map(h -> await().atMost(BOUND).until(() -> submittedTo(h), s -> s != null).messageId()).toList();
        requests.forEach(r -> sent.await(r.reminderId(), DeliveryStatus.SENT));
        double outcomesBefore = outcomesCounted();

        // As the SMS centre's window sends them: each waits for its answer while the others arrive; the first text's twice.
        ExecutorService window = Executors.newFixedThreadPool(4);
        try {
            for (Future<?> answered : window.invokeAll(List.<Callable<Object>>of(
                    () -> receipt(texts.get(0), true), () -> receipt(texts.get(1), false),
                    () -> receipt(texts.get(2), true), () -> receipt(texts.get(0), true)))) {
                answered.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            window.shutdownNow();
        }

        assertThat(statusOf(requests.get(0))).isEqualTo(AttemptStatus.DELIVERED);
        assertThat(statusOf(requests.get(1))).isEqualTo(AttemptStatus.FAILED);
        assertThat(statusOf(requests.get(2))).isEqualTo(AttemptStatus.DELIVERED);
        assertThat(sent.await(requests.get(1).reminderId(), DeliveryStatus.FAILED).reason()).isEqualTo("SMSC receipt UNDELIV error 001");
        assertThat(holders.get(1).history().getString("attempts[0].reason")).isEqualTo("SMSC receipt UNDELIV error 001");
        assertThat(outcomesCounted() - outcomesBefore).as("outcomes told, one per text").isEqualTo(3);

        receipt(texts.get(0), false);
        assertThat(statusOf(requests.get(0))).isEqualTo(AttemptStatus.DELIVERED);
        assertThat(outcomesCounted() - outcomesBefore).isEqualTo(3);
    }

    private static Object receipt(String messageId, boolean delivered) {
        Peers.smsc().receipt(messageId, delivered);
        return messageId;
    }

    /** The attempt's status, or null while the request is not yet taken in. */
    private AttemptStatus statusOf(ReminderRequested request) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ContactAttempt attempt = attempts.findById(request.reminderId());
            return attempt == null ? null : attempt.status;
        });
    }

    /** DELIVERED and FAILED outcomes of texts this service has told, each with its ReminderSent. */
    private double outcomesCounted() {
        return registry.find("arrears.contact.outcomes").tag("channel", "SMS").counters().stream()
                .filter(c -> List.of("DELIVERED", "FAILED").contains(c.getId().getTag("status"))).mapToDouble(Counter::count).sum();
    }

    @Test
    void aReminderDueNowIsSentAsItsRequestIsTakenInWithoutWaitingForThePoll() {
        Cardholder holder = Cardholder.create("zh-CN", "Asia/Shanghai");
        ReminderRequested request = holder.reminder(Channel.SMS, "overdue-notice");
        scheduler.pause();
        try {
            KafkaTestClient.publish(request);
            // Recorded as sent with no poll: its SENT alone waits for a receipt, and is told by a poll.
            await().atMost(BOUND).until(() -> statusOf(request) == AttemptStatus.SENT);
            assertThat(submittedTo(holder).text()).contains("逾期金额300.00CNY");
        } finally {
            scheduler.resume();
        }
        assertThat(sent.await(request.reminderId(), DeliveryStatus.SENT).providerMessageId()).isEqualTo(submittedTo(holder).messageId());
        assertThat(holder.history().getString("attempts[0].decisions[0].decision")).isEqualTo("SEND");
    }

    @Test
    void aSlicesTextsToDifferentCardholdersAreWithTheSmsCentreAtOnce() {
        List<Cardholder> oneSlice = cardholdersOfOneSlice(3);
        List<ReminderRequested> requests = oneSlice.stream().map(h -> h.reminder(Channel.SMS, "overdue-notice")).toList();
        // Taken in before core banking has named their holders, the requests wait PENDING for a poll; with the
        // scheduler paused, that is the one this test makes itself, all of them in one slice.
        scheduler.pause();
        Peers.smsc().stallAnswers(Duration.ofMillis(500));
        try {
            requests.forEach(KafkaTestClient::publish);
            await().atMost(BOUND).until(() -> QuarkusTransaction.requiringNew().call(() ->
                    requests.stream().allMatch(r -> attempts.findById(r.reminderId()) != null)));
            oneSlice.forEach(Cardholder::publish);
            assertThat(requests).allSatisfy(r -> assertThat(QuarkusTransaction.requiringNew().call(() -> attempts.findById(r.reminderId()).status))
                    .isEqualTo(AttemptStatus.PENDING));
            Peers.smsc().mostAtOnceSinceLastAsked();
            dispatcher.dispatchDue();
            assertThat(Peers.smsc().mostAtOnceSinceLastAsked()).as("submit_sm the SMS centre was answering at once").isGreaterThan(1);
        } finally {
            Peers.smsc().stallAnswers(Duration.ZERO);
            scheduler.resume();
        }
        requests.forEach(r -> assertThat(sent.await(r.reminderId(), DeliveryStatus.SENT).providerMessageId()).isNotBlank());
    }

    /** Cardholders whose attempts one dispatch worker takes together: a batch is sliced by account, as the dispatcher does. */
    private List<Cardholder> cardholdersOfOneSlice(int count) {
        int workers = config.dispatch().workers();
        Map<Integer, List<Cardholder>> bySlice = new HashMap<>();
        while (true) {
            Cardholder holder = Cardholder.unpublished("zh-CN", "Asia/Shanghai");
            List<Cardholder> slice = bySlice.computeIfAbsent(Math.floorMod(holder.accountId().hashCode(), workers), k -> new ArrayList<>());
            slice.add(holder);
            if (slice.size() == count) {
                return slice;
            }
        }
    }

    @Test
    void aReceiptThatOutrunsTheRecordOfItsSendIsKeptNotRefusedAndMakesTheSmsDelivered() {
        Cardholder holder = Cardholder.create("zh-CN", "Asia/Shanghai");
        List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
        // The receipt leaves the SMS centre as soon as it takes the message: before the sender can have recorded the send.
        Peers.smsc().onSubmit(sms -> {
            if (sms.destination().equals(holder.phoneDigits())) {
                try {
                    Peers.smsc().receipt(sms.messageId(), true);
                } catch (IllegalStateException e) {
                    refused.add(e.getMessage());
                }
            }
        });
        try {
            ReminderRequested request = holder.reminder(Channel.SMS, "overdue-notice");
            KafkaTestClient.publish(request);

            sent.await(request.reminderId(), DeliveryStatus.DELIVERED);

            assertThat(refused).isEmpty();
            assertThat(holder.history().getString("attempts[0].status")).isEqualTo("DELIVERED");
        } finally {
            Peers.smsc().onSubmit(sms -> { });
        }
    }

    @Test
    void aStopReplyWithdrawsSmsConsentAndTheNextSmsIsSuppressed() {
        Cardholder holder = Cardholder.create("zh-CN", "Asia/Shanghai");
        await().atMost(BOUND).until(() -> Peers.smsc().hasBoundClient());

        Peers.smsc().fromHandset(holder.phoneDigits(), "ARREARS", "退订");
        await().atMost(BOUND).until(() -> "false".equals(holder.profile().getString("consents.find { it.channel == 'SMS' }.granted")));
        assertThat(holder.profile().getString("consentHistory[0].source")).isEqualTo("SMS_REPLY");
        assertThat(holder.profile().getString("consentHistory[0].reason")).isEqualTo("replied '退订'");

        ReminderRequested request = holder.reminder(Channel.SMS, "second-notice");
        KafkaTestClient.publish(request);
        assertThat(sent.await(request.reminderId(), DeliveryStatus.SUPPRESSED).reason()).startsWith("OPTED_OUT");
        assertThat(submittedTo(holder)).isNull();
    }

    @Test
    void aLetterIsAPdfInTheDropFolderWithTheAmountAndTheDayHasAManifest() throws Exception {
        Cardholder holder = Cardholder.create("en", "Asia/Shanghai");
        ReminderRequested request = holder.reminder(Channel.LETTER, "formal-letter");
        KafkaTestClient.publish(request);

        ReminderSent letter = sent.await(request.reminderId(), DeliveryStatus.SENT);
        Path pdf = Peers.printFolder().resolve(letter.providerMessageId());
        assertThat(pdf).exists().hasFileName(request.reminderId() + ".pdf");
        try (PDDocument document = PDDocument.load(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("300.00 CNY").contains("Formal notice about your overdue card account").contains("88 Century Avenue");
        }

        LocalDate day = LocalDate.parse(pdf.getParent().getFileName().toString());
        String csv = Files.readString(manifest.close(day), StandardCharsets.UTF_8);
        assertThat(csv.lines().filter(l -> l.startsWith(request.reminderId() + ".pdf,"))).singleElement()
                .satisfies(line -> assertThat(line.split(",")[2]).isEqualTo("1"));
    }

    @Test
    void aCallSaysNothingOfTheDebtUntilTheCardholderIsConfirmedAndAVoicemailGetsOnlyACallBackRequest() throws Exception {
        Cardholder holder = Cardholder.create("en", "Asia/Shanghai");
        ReminderRequested unconfirmed = holder.reminder(Channel.VOICE, "overdue-call");
        ReminderRequested voicemail = holder.reminder(Channel.VOICE, "overdue-call");
        for (ReminderRequested request : List.of(unconfirmed, voicemail)) {
            Peers.ivr().stubFor(post(urlEqualTo("/calls")).withHeader("Idempotency-Key", equalTo(request.reminderId()))
                    .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                            .withBody("{\"callId\":\"CALL-" + request.reminderId() + "\"}")));
            KafkaTestClient.publish(request);
            sent.await(request.reminderId(), DeliveryStatus.SENT);
        }

        var call = Peers.ivr().findAll(postRequestedFor(urlEqualTo("/calls")).withHeader("Idempotency-Key", equalTo(unconfirmed.reminderId())));
        com.fasterxml.jackson.databind.JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(call.get(0).getBodyAsString());
        assertThat(body.path("verification").path("digits").asText()).isEqualTo(Cardholder.CARD_LAST4);
        assertThat(body.path("verification").path("prompt").asText()).contains("Li Wei").contains("last four digits")
                .doesNotContain("300.00").doesNotContainIgnoringCase("overdue").doesNotContainIgnoringCase("debt");
        assertThat(body.path("callbackRequest").asText()).contains("400 820 0000").doesNotContain("300.00")
                .doesNotContainIgnoringCase("overdue").doesNotContainIgnoringCase("debt").doesNotContain("Li Wei");
        assertThat(body.path("script").asText()).contains("300.00 CNY is overdue");

        signed(("{\"callId\":\"CALL-" + unconfirmed.reminderId() + "\",\"outcome\":\"ANSWERED\",\"verified\":false}")
                .getBytes(StandardCharsets.UTF_8)).post("/callbacks/voice").then().statusCode(204);
        signed(("{\"callId\":\"CALL-" + voicemail.reminderId() + "\",\"outcome\":\"VOICEMAIL\"}")
                .getBytes(StandardCharsets.UTF_8)).post("/callbacks/voice").then().statusCode(204);

        assertThat(sent.await(unconfirmed.reminderId(), DeliveryStatus.FAILED).reason()).contains("cardholder was not confirmed");
        assertThat(sent.await(voicemail.reminderId(), DeliveryStatus.FAILED).reason()).contains("only the callback request was left");
    }

    @Test
    void aCallGoesToTheIvrVendorAndItsSignedCallbackSaysHowItWent() {
        Cardholder holder = Cardholder.create("en", "Asia/Shanghai");
        ReminderRequested request = holder.reminder(Channel.VOICE, "overdue-call");
        String callId = "CALL-" + UUID.randomUUID();
        Peers.ivr().stubFor(post(urlEqualTo("/calls")).withHeader("Idempotency-Key", equalTo(request.reminderId()))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"callId\":\"" + callId + "\"}")));
        KafkaTestClient.publish(request);

        assertThat(sent.await(request.reminderId(), DeliveryStatus.SENT).providerMessageId()).isEqualTo(callId);
        Peers.ivr().verify(1, postRequestedFor(urlEqualTo("/calls")).withHeader("Idempotency-Key", equalTo(request.reminderId()))
                .withRequestBody(matchingJsonPath("$.to", equalTo(holder.phone())))
                .withRequestBody(matchingJsonPath("$.script", WireMock.containing("300.00 CNY is overdue"))));

        byte[] report = ("{\"callId\":\"" + callId + "\",\"outcome\":\"ANSWERED\",\"verified\":true}").getBytes(StandardCharsets.UTF_8);
        given().contentType("application/json").body(report).post("/callbacks/voice").then().statusCode(401);
        given().contentType("application/json").header(CallbackSignature.HEADER, CallbackSignature.sign("wrong secret", Instant.now(), report))
                .body(report).post("/callbacks/voice").then().statusCode(401);
        String stale = CallbackSignature.sign(ProviderPeers.CALLBACK_SECRET, Instant.now().minus(Duration.ofMinutes(6)), report);
        given().contentType("application/json").header(CallbackSignature.HEADER, stale).body(report).post("/callbacks/voice")
                .then().statusCode(401).body("detail", Matchers.containsString("outside the accepted window"));
        String fromTheFuture = CallbackSignature.sign(ProviderPeers.CALLBACK_SECRET, Instant.now().plus(Duration.ofMinutes(6)), report);
        given().contentType("application/json").header(CallbackSignature.HEADER, fromTheFuture).body(report).post("/callbacks/voice")
                .then().statusCode(401);
        byte[] unknown = "{\"callId\":\"CALL-NOBODY\",\"outcome\":\"ANSWERED\"}".getBytes(StandardCharsets.UTF_8);
        signed(unknown).post("/callbacks/voice").then().statusCode(409);
        String signature = CallbackSignature.sign(ProviderPeers.CALLBACK_SECRET, Instant.now(), report);
        given().contentType("application/json").header(CallbackSignature.HEADER, signature).body(report).post("/callbacks/voice")
                .then().statusCode(204);
        sent.await(request.reminderId(), DeliveryStatus.DELIVERED);
        given().contentType("application/json").header(CallbackSignature.HEADER, signature).body(report).post("/callbacks/voice")
                .then().statusCode(401).body("detail", Matchers.containsString("received before"));
    }

    @Test
    void aCallTheVendorRefusesForGoodFailsAtOnceWithItsReasonAndIsNeverPlacedAgain() {
        Cardholder holder = Cardholder.create("en", "Asia/Shanghai");
        ReminderRequested refused = holder.reminder(Channel.VOICE, "overdue-call");
        Peers.ivr().stubFor(post(urlEqualTo("/calls")).withHeader("Idempotency-Key", equalTo(refused.reminderId()))
                .willReturn(aResponse().withStatus(422)));
        KafkaTestClient.publish(refused);

        assertThat(sent.await(refused.reminderId(), DeliveryStatus.FAILED).reason()).isEqualTo("IVR vendor answered HTTP 422");
        var history = holder.history();
        assertThat(history.getString("attempts[0].status")).isEqualTo("FAILED");
        assertThat(history.getString("attempts[0].reason")).isEqualTo("IVR vendor answered HTTP 422");
        assertThat(history.getInt("attempts[0].tries")).isEqualTo(1);
        clock.advance(Duration.ofHours(1));
        dispatcher.dispatchDue();
        Peers.ivr().verify(1, postRequestedFor(urlEqualTo("/calls")).withHeader("Idempotency-Key", equalTo(refused.reminderId())));
        assertThat(sent.of(refused.reminderId())).hasSize(1);
    }

    @Test
    void aCallTheVendorCannotTakeNowIsTriedAgainAfterABackoff() {
        Cardholder holder = Cardholder.create("en", "Asia/Shanghai");
        ReminderRequested request = holder.reminder(Channel.VOICE, "overdue-call");
        String scenario = "busy-" + request.reminderId();
        Peers.ivr().stubFor(post(urlEqualTo("/calls")).withHeader("Idempotency-Key", equalTo(request.reminderId())).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        Peers.ivr().stubFor(post(urlEqualTo("/calls")).withHeader("Idempotency-Key", equalTo(request.reminderId())).inScenario(scenario)
                .whenScenarioStateIs("recovered").willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"callId\":\"CALL-RETRIED\"}")));
        KafkaTestClient.publish(request);

        // PENDING after one try: the first call was refused and the next waits for its backoff.
        await().atMost(BOUND).until(() -> {
            dispatcher.dispatchDue();
            var history = holder.history();
            return "PENDING".equals(history.getString("attempts[0].status")) && history.getInt("attempts[0].tries") == 1;
        });
        assertThat(holder.history().getString("attempts[0].reason")).isEqualTo("IVR vendor answered HTTP 503");
        dispatcher.dispatchDue();
        assertThat(sent.of(request.reminderId())).isEmpty();

        clock.advance(Duration.ofSeconds(30));
        assertThat(sent.await(request.reminderId(), DeliveryStatus.SENT).providerMessageId()).isEqualTo("CALL-RETRIED");
        assertThat(holder.history().getInt("attempts[0].tries")).isEqualTo(2);
    }

    @Test
    void theWebhookAdapterSpeaksToAGenericProviderApiAndItsReportsAreSigned() {
        String reference = "REM-" + UUID.randomUUID();
        Peers.ivr().stubFor(post(urlEqualTo("/provider/messages")).withHeader("Idempotency-Key", equalTo(reference))
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json").withBody("{\"messageId\":\"MSG-9\"}")));
        Peers.ivr().stubFor(WireMock.get(urlEqualTo("/provider/messages/" + reference))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"messageId\":\"MSG-9\"}")));
        OutgoingMessage message = new OutgoingMessage(reference, "ACC-W", new ContactPoint(Channel.SMS, "+8613900000000", "masked", "Li Wei"),
                new RenderedNotice("overdue-notice", "en", "Subject", "Your payment is overdue.", List.of("Body.")));

        assertThat(webhook.send(message)).isEqualTo(SendResult.accepted("MSG-9"));
        Peers.ivr().verify(1, postRequestedFor(urlEqualTo("/provider/messages"))
                .withRequestBody(matchingJsonPath("$.text", equalTo("Your payment is overdue.")))
                .withRequestBody(matchingJsonPath("$.channel", equalTo("SMS"))));
        assertThat(webhook.lookup(reference)).isEqualTo(Lookup.found("MSG-9"));
        assertThat(webhook.lookup("REM-NEVER-SENT").answer()).isEqualTo(Lookup.Answer.NOT_FOUND);

        signed("{\"messageId\":\"MSG-9\",\"status\":\"READ\"}".getBytes(StandardCharsets.UTF_8)).post("/callbacks/messages")
                .then().statusCode(400).body("violations[0].field", Matchers.equalTo("status"));
        signed("{\"messageId\":\"MSG-NOBODY\",\"status\":\"DELIVERED\"}".getBytes(StandardCharsets.UTF_8)).post("/callbacks/messages")
                .then().statusCode(409);
    }

    @Test
    void anAgreedPlanIsConfirmedWithItsSchedule() throws Exception {
        Cardholder holder = Cardholder.create("en", "Asia/Shanghai");
        PlanAgreed plan = new PlanAgreed("PLAN-" + UUID.randomUUID(), "CASE-" + holder.accountId(), holder.accountId(), PlanType.INSTALMENTS,
                List.of(new PlanAgreed.Instalment(LocalDate.parse("2030-04-01"), new BigDecimal("100.00")),
                        new PlanAgreed.Instalment(LocalDate.parse("2030-05-01"), new BigDecimal("100.01"))),
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, "CNY", "agent-7", OffsetDateTime.parse("2030-03-01T09:00:00+08:00"));
        KafkaTestClient.publish(plan);

        MimeMessage mail = await().atMost(BOUND).until(() -> mailFor(plan.planId() + "-CONFIRMATION"), m -> m != null);
        assertThat(mail.getSubject()).isEqualTo("Your repayment plan is confirmed");
        assertThat(GreenMailUtil.getBody(mail)).contains("200.01 CNY").contains("1. 2030-04-01: 100.00 CNY")
                .contains("2. 2030-05-01: 100.01 CNY");
    }


    private static RequestSpecification signed(byte[] body) {
        return given().contentType("application/json")
                .header(CallbackSignature.HEADER, CallbackSignature.sign(ProviderPeers.CALLBACK_SECRET, Instant.now(), body))
                .body(body);
    }

    static MimeMessage mailFor(String reminderId) throws Exception {
        for (MimeMessage m : Peers.mail().received()) {
            String[] header = m.getHeader("X-Arrears-Reminder");
            if (header != null && header[0].equals(reminderId)) {
                return m;
            }
        }
        return null;
    }

    private static SmscSimulator.Submitted submittedTo(Cardholder holder) {
        return Peers.smsc().submitted().stream().filter(s -> s.destination().equals(holder.phoneDigits())).findFirst().orElse(null);
    }
}
