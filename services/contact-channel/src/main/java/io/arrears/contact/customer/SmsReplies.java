package io.arrears.contact.customer;

import io.arrears.contact.config.ContactConfig;
import io.arrears.events.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.text.Normalizer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A cardholder's reply that says "stop" (STOP, TD, 退订, …) withdraws SMS consent for every customer
 * with that number on file, at once and for good, until the cardholder says otherwise.
 */
@ApplicationScoped
class SmsReplies {

    private static final Logger LOG = Logger.getLogger(SmsReplies.class);

    private final CustomerDirectory directory;
    private final Set<String> keywords;
    private final Clock clock;

    SmsReplies(CustomerDirectory directory, ContactConfig config, Clock clock) {
        this.directory = directory;
        this.keywords = config.optOutKeywords().stream().map(SmsReplies::normalize).collect(Collectors.toSet());
        this.clock = clock;
    }

    @Transactional
    void onReply(@Observes InboundSms sms) {
        String word = normalize(sms.text());
        if (!keywords.contains(word)) {
            return;
        }
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
