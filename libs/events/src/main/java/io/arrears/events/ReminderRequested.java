package io.arrears.events;

import java.time.OffsetDateTime;

/** The reminder service asks contact-channel to reach the cardholder. Facts fill the template; they carry no contact data. */
public record ReminderRequested(
        String reminderId,
        String caseId,
        String accountId,
        String customerId,
        Channel channel,
        String templateId,
        String language,
        TemplateFacts facts,
        OffsetDateTime notBefore) implements Event {

    @Override
    public String key() {
        return accountId;
    }
}
