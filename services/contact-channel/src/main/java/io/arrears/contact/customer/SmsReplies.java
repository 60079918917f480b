package io.arrears.contact.customer;

import io.arrears.contact.config.ContactConfig;
import io.arrears.messaging.GroupCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import io.arrears.events.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A cardholder's reply that says "stop" (STOP, TD, 退订, …) withdraws SMS consent for every customer
 * with that number on file, at once and for good, until the cardholder says otherwise.
 *
 * <p>The reply is acknowledged to the SMS centre only once recorded, on the session's threads that also carry the
 * answers to our sends; so, as receipts are, replies are recorded in groups on a thread of their own, and one waits
 * no longer than {@code contact.adapters.smpp.answer-inbound-within} before it is refused and offered again.
 */
@ApplicationScoped
class SmsReplies {

    private static final Logger LOG = Logger.getLogger(SmsReplies.class);
    /** The most replies one transaction records. */
    private static final int REPLY_GROUP = 50;
    /** Replies refused without a try after the database was found away: the SMS centre sends them again later. */
    private static final Duration DATABASE_AWAY_PAUSE = Duration.ofSeconds(1);

    private final CustomerDirectory directory;
    private final Set<String> keywords;
    private final Clock clock;
    private final GroupCommit<InboundSms> optOuts;
    private final Counter refused;

    SmsReplies(CustomerDirectory directory, ContactConfig config, Clock clock, MeterRegistry registry) {
        this.directory = directory;
        this.keywords = config.optOutKeywords().stream().map(SmsReplies::normalize).collect(Collectors.toSet());
        this.clock = clock;
        this.optOuts = new GroupCommit<>("sms-replies",
                group -> QuarkusTransaction.requiringNew().run(() -> group.forEach(this::record)),
                sms -> QuarkusTransaction.requiringNew().run(() -> record(sms)), REPLY_GROUP,
                config.adapters().smpp().answerInboundWithin(), DATABASE_AWAY_PAUSE);
        this.refused = registry.counter("arrears.contact.inbound.refused", "kind", "reply");
    }

    @PreDestroy
    void stopRecordingReplies() {
        optOuts.close();
    }

    /** Returns once an opt-out is recorded; throws {@link InboundSms.NotRecordedNow} when it could not be in time. */
    void onReply(@Observes InboundSms sms) {
        if (!keywords.contains(normalize(sms.text()))) {
            return;
        }
        try {
            optOuts.submit(sms);
        } catch (GroupCommit.NotRecorded e) {
            refused.increment();
            throw new InboundSms.NotRecordedNow(e.getMessage());
        }
    }

    private void record(InboundSms sms) {
        List<String> customers = directory.customersWithPhone(sms.from());
        for (String customerId : customers) {
            directory.record(customerId, Channel.SMS, false, ChannelConsent.Source.SMS_REPLY, "sms-reply",
                    "replied '" + sms.text().strip() + "'", OffsetDateTime.now(clock));
        }
        LOG.infof("SMS opt-out by reply recorded for %d customer(s) with number %s", customers.size(), Masked.phone(sms.from()));
    }

    private static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).strip().replaceAll("[\\p{Punct}\\s]+$", "").toUpperCase(Locale.ROOT);
    }
}
