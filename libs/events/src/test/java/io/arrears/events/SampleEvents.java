package io.arrears.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The sample of every event contract, shared with consumers' tests through the test-jar. */
public final class SampleEvents {

    private SampleEvents() {
    }

    public static String resource(EventType type) {
        return "/samples/" + type.recordClass().getSimpleName() + ".json";
    }

    public static JsonNode json(EventType type) {
        try (InputStream in = SampleEvents.class.getResourceAsStream(resource(type))) {
            if (in == null) {
                throw new IllegalStateException("no sample at " + resource(type));
            }
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T extends Event> T sample(Class<T> recordClass) {
        return recordClass.cast(EventJson.bind(json(EventType.of(recordClass)), recordClass));
    }
}
