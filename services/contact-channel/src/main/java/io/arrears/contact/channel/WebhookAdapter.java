package io.arrears.contact.channel;

import io.arrears.contact.config.ContactConfig;
import io.arrears.events.Channel;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Map;

/**
 * A generic cloud messaging API over HTTP, for providers without SMPP or SMTP:
 * {@code POST /messages} with the reminder id as reference and Idempotency-Key,
 * {@code GET /messages/{reference}} to find one, delivery reports on our callback endpoint.
 */
@ApplicationScoped
public class WebhookAdapter implements ChannelAdapter {

    private final ProviderHttp http;

    WebhookAdapter(ContactConfig config) {
        this.http = new ProviderHttp("messaging provider", config.adapters().webhook().url(), config.adapters().webhook().timeout());
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        Map<String, Object> body = new HashMap<>();
        body.put("reference", message.reminderId());
        body.put("channel", message.to().channel().name());
        body.put("to", message.to().address());
        body.put("language", message.notice().language());
        if (message.to().channel() == Channel.EMAIL) {
            body.put("subject", message.notice().subject());
            body.put("text", message.notice().longText());
        } else {
            body.put("text", message.notice().shortText());
        }
        return http.post("/messages", message.reminderId(), body, "messageId");
    }

    @Override
    public Lookup lookup(String reminderId) {
        return http.find("/messages/", reminderId, "messageId");
    }
}
