package io.arrears.events;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CloudEvents 1.0 attributes carried as Kafka headers (binary content mode). {@code id} is the
 * event's identity: consumers de-duplicate on it.
 */
public record CloudEventHeaders(String id, String source, String type, OffsetDateTime time, String subject) {

    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String CONTENT_TYPE = "content-type";
    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    /** Fresh attributes for a new event produced by {@code source}, e.g. {@code /arrears/account}. */
    public static CloudEventHeaders forNewEvent(Event event, String source, OffsetDateTime now) {
        return new CloudEventHeaders(TimeOrderedIds.next(), source, EventType.of(event).ceType(),
                now.withOffsetSameInstant(ZoneOffset.UTC), event.subject());
    }

    /** The headers in wire order; absent subject is left out, as CloudEvents allows. */
    public Map<String, String> toMap() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SPEC_VERSION, SPEC_VERSION_1_0);
        headers.put(ID, id);
        headers.put(SOURCE, source);
        headers.put(TYPE, type);
        // Always with seconds: OffsetDateTime.toString() drops ":00" at a whole minute, and the Kafka
        // connector's CloudEvents reader refuses a time without them, failing the consuming channel.
        headers.put(TIME, IsoTimes.format(time));
        if (subject != null) {
            headers.put(SUBJECT, subject);
        }
        headers.put(CONTENT_TYPE, JSON);
        return headers;
    }

    /**
     * Reads the attributes from raw Kafka header values.
     *
     * @throws InvalidEventException naming the header that is missing or malformed
     */
    public static CloudEventHeaders parse(Map<String, byte[]> raw) {
        String spec = text(raw, SPEC_VERSION);
        if (spec != null && !SPEC_VERSION_1_0.equals(spec)) {
            throw new InvalidEventException("unsupported " + SPEC_VERSION + " '" + spec + "'");
        }
        String time = text(raw, TIME);
        OffsetDateTime parsedTime = null;
        if (time != null) {
            try {
                parsedTime = IsoTimes.parseOffsetDateTime(time);
            } catch (DateTimeParseException e) {
                throw new InvalidEventException("header " + TIME + " is not an ISO-8601 time with offset: '" + time + "'");
            }
        }
        return new CloudEventHeaders(required(raw, ID), required(raw, SOURCE), required(raw, TYPE), parsedTime,
                text(raw, SUBJECT));
    }

    private static String required(Map<String, byte[]> raw, String name) {
        String value = text(raw, name);
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("missing header " + name);
        }
        return value;
    }

    private static String text(Map<String, byte[]> raw, String name) {
        byte[] value = raw.get(name);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }
}
