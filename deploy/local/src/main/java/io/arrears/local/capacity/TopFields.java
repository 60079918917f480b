package io.arrears.local.capacity;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Reads a few top-level fields of an event's JSON as text, and stops once it has them. The benchmark's watch reads
 * every event of the day beside the system it measures, on the same two cores; built into a whole tree each, the
 * events cost it about a twentieth of the machine during a burst, taken from the services it times.
 */
final class TopFields {

    private static final JsonFactory JSON = new JsonFactory();

    private final List<String> names;

    TopFields(String... names) {
        this.names = List.of(names);
    }

    /** The named fields' values in the order they were named; null for one the event lacks or holds as null. */
    String[] of(byte[] json) {
        String[] values = new String[names.size()];
        int missing = values.length;
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            while (missing > 0 && parser.nextToken() == JsonToken.FIELD_NAME) {
                int index = names.indexOf(parser.currentName());
                JsonToken value = parser.nextToken();
                if (index >= 0 && value.isScalarValue() && values[index] == null) {
                    values[index] = value == JsonToken.VALUE_NULL ? null : parser.getText();
                    missing--;
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }
}
