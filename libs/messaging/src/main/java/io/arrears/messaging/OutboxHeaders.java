package io.arrears.messaging;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Kafka headers as the outbox stores them (a JSON object of strings in a jsonb column) and back.
 * A dead letter must keep the record exactly as it came, whatever it holds: a value that is not clean
 * UTF-8 text (PostgreSQL's jsonb refuses NUL, and bytes need not be text at all) is stored in base64
 * and named in {@value #BASE64_HEADERS}, and the relay restores the original bytes.
 */
final class OutboxHeaders {

    /** Names of the headers whose stored value is base64 of the original bytes, comma-separated (base64 themselves). */
    static final String BASE64_HEADERS = "arrears-base64-headers";

    private OutboxHeaders() {
    }

    static Map<String, String> fromKafka(Headers kafka) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> encoded = new ArrayList<>();
        for (Header header : kafka) {
            byte[] value = header.value() == null ? new byte[0] : header.value();
            String key = header.key();
            String text = cleanText(value);
            if (text == null || !key.equals(printable(key, 249))) {
                String name = Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8));
                encoded.add(name);
                headers.put("b64:" + name, Base64.getEncoder().encodeToString(value));
            } else {
                headers.put(key, text);
            }
        }
        if (!encoded.isEmpty()) {
            headers.put(BASE64_HEADERS, String.join(",", encoded));
        }
        return headers;
    }

    static Headers toKafka(Map<String, String> stored) {
        Set<String> encoded = Arrays.stream(stored.getOrDefault(BASE64_HEADERS, "").split(","))
                .filter(n -> !n.isEmpty()).collect(Collectors.toSet());
        RecordHeaders headers = new RecordHeaders();
        stored.forEach((name, value) -> {
            if (name.equals(BASE64_HEADERS)) {
                return;
            }
            if (name.startsWith("b64:") && encoded.contains(name.substring(4))) {
                headers.add(new String(Base64.getDecoder().decode(name.substring(4)), StandardCharsets.UTF_8),
                        Base64.getDecoder().decode(value));
            } else {
                headers.add(name, value.getBytes(StandardCharsets.UTF_8));
            }
        });
        return headers;
    }

    /** {@code text} without control characters (NUL included), cut to {@code max} characters: safe in jsonb and logs. */
    static String printable(String text, int max) {
        if (text == null) {
            return "";
        }
        String clean = text.codePoints().map(c -> Character.isISOControl(c) && c != '\n' ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() <= max ? clean : clean.substring(0, max) + "…";
    }

    /** The value as text when it is valid UTF-8 without NUL, else null. */
    private static String cleanText(byte[] value) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
            return text.indexOf('\u0000') >= 0 ? null : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
