package io.arrears.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The one JSON codec for event bodies: money as decimal strings (never binary floating point),
 * dates as ISO dates, times as ISO-8601 with their offset kept, unknown fields tolerated so that
 * adding an optional field stays compatible.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("money-as-string").addSerializer(BigDecimal.class, new DecimalString()))
            // Registered after the time module, so these come first; they read and write what it does (IsoTimes).
            .addModule(new SimpleModule("iso-times")
                    .addSerializer(OffsetDateTime.class, new IsoTimes.OffsetDateTimeWriter())
                    .addDeserializer(OffsetDateTime.class, IsoTimes.Reader.offsetDateTimes())
                    .addDeserializer(LocalDate.class, IsoTimes.Reader.localDates()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + event.getClass().getSimpleName(), e);
        }
    }

    public static JsonNode tree(Object event) {
        return MAPPER.valueToTree(event);
    }

    /** @throws InvalidEventException when the bytes are not JSON */
    public static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidEventException("empty body");
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new InvalidEventException("body is not JSON: " + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
    }

    /** @throws InvalidEventException when the tree does not bind to the record */
    public static <T> T bind(JsonNode tree, Class<T> type) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("body does not bind to " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static final class DecimalString extends StdSerializer<BigDecimal> {
        DecimalString() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toPlainString());
        }
    }
}
