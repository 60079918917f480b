package io.arrears.contact.dispatch;

import io.arrears.contact.config.ContactConfig;
import io.arrears.contact.customer.CustomerProfile;
import io.arrears.rules.ComplianceGuard;
import io.arrears.contact.template.NoticeData;
import io.arrears.contact.template.NoticeTemplates;
import io.arrears.contact.template.RenderedNotice;
import io.arrears.events.Channel;
import io.arrears.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes the notice an attempt sends, in the cardholder's language, with the opt-out line where the pack asks for one. */
@ApplicationScoped
class NoticeRendering {

    private final NoticeTemplates templates;
    private final NoticeData.Payment payment;
    private final ComplianceGuard guard;
    private final ContactConfig config;

    NoticeRendering(NoticeTemplates templates, NoticeData.Payment payment, ComplianceGuard guard, ContactConfig config) {
        this.templates = templates;
        this.payment = payment;
        this.guard = guard;
        this.config = config;
    }

    RenderedNotice render(ContactAttempt attempt, Map<String, Object> facts, CustomerProfile profile) {
        String language = profile.language != null ? profile.language : attempt.language != null ? attempt.language : config.defaultLanguage();
        RenderedNotice notice = templates.render(attempt.templateId, language, NoticeData.of(facts, profile.name, payment.in(language)));
        if (guard.pack().law().optOutInEveryMessage() && (attempt.channel == Channel.SMS || attempt.channel == Channel.EMAIL)) {
            notice = notice.withOptOut(optOut("sms", language), optOut("email", language));
        }
        return notice;
    }

    /** The facts the reminder service sent, as the templates read them. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> facts(ContactAttempt attempt) {
        return EventJson.mapper().convertValue(EventJson.parse(attempt.facts.getBytes(StandardCharsets.UTF_8)), Map.class);
    }

    private String optOut(String channel, String language) {
        Map<String, String> lines = config.optOutNotice().getOrDefault(channel, Map.of());
        String line = lines.getOrDefault(language, lines.get(config.defaultLanguage()));
        if (line == null) {
            throw new IllegalStateException("no contact.opt-out-notice." + channel + " for " + language);
        }
        return line;
    }
}
