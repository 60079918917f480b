package io.arrears.contact.channel;

import io.arrears.contact.config.ContactConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * Automated calls through an IVR vendor's HTTP API: {@code POST /calls} asks for a call with the
 * script to speak; the vendor reports the outcome later on our callback endpoint. The vendor can be
 * asked about a call by our reference ({@code GET /calls?reference=}), so interrupted sends reconcile.
 */
@ApplicationScoped
public class IvrVoiceAdapter implements ChannelAdapter {

    private final ProviderHttp http;

    IvrVoiceAdapter(ContactConfig config) {
        this.http = new ProviderHttp("IVR vendor", config.adapters().ivr().url(), config.adapters().ivr().timeout());
    }

    @Override
    public String name() {
        return "ivr-http";
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        return http.post("/calls", message.reminderId(), Map.of(
                "reference", message.reminderId(),
                "to", message.to().address(),
                "language", message.notice().language(),
                "script", message.notice().shortText()), "callId");
    }

    @Override
    public Lookup lookup(String reminderId) {
        return http.find("/calls?reference=", reminderId, "callId");
    }
}
