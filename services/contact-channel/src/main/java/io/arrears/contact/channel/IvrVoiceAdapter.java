package io.arrears.contact.channel;

import io.arrears.contact.config.ContactConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Automated calls through an IVR vendor's HTTP API: {@code POST /calls} asks for a call with the
 * script to speak; the vendor reports the outcome later on our callback endpoint. The vendor can be
 * asked about a call by our reference ({@code GET /calls?reference=}), so interrupted sends reconcile.
 */
@ApplicationScoped
class IvrVoiceAdapter implements ChannelAdapter {

    private final ProviderHttp http;
    private final ContactConfig.Voice voice;
    private final String defaultLanguage;

    IvrVoiceAdapter(ContactConfig config) {
        this.http = new ProviderHttp("IVR vendor", config.adapters().ivr().url(), config.adapters().ivr().timeout());
        this.voice = config.voice();
        this.defaultLanguage = config.defaultLanguage();
    }

    @Override
    public String name() {
        return "ivr-http";
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        VoiceScript script = script(message);
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("reference", message.reminderId());
        call.put("to", message.to().address());
        call.put("language", message.notice().language());
        call.put("callbackRequest", script.callbackRequest());
        if (script.canStateTheDebt()) {
            call.put("verification", Map.of("prompt", script.verifyPrompt(), "digits", script.expectedDigits()));
            call.put("script", script.message());
        }
        return http.post("/calls", message.reminderId(), call, "callId");
    }

    private VoiceScript script(OutgoingMessage message) {
        String language = message.notice().language();
        String name = message.to().recipientName() == null ? "" : message.to().recipientName();
        return new VoiceScript(in(voice.verifyPrompt(), language).replace("{name}", name), message.cardLast4(),
                message.notice().shortText(), in(voice.callbackRequest(), language));
    }

    private String in(Map<String, String> texts, String language) {
        String text = texts.getOrDefault(language, texts.get(defaultLanguage));
        if (text == null) {
            throw new IllegalStateException("no voice text for " + language);
        }
        return text;
    }

    @Override
    public Lookup lookup(String reminderId) {
        return http.find("/calls?reference=", reminderId, "callId");
    }
}
