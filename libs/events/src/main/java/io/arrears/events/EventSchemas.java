package io.arrears.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The JSON Schema of every event, loaded once; validation returns readable messages naming the field. */
public final class EventSchemas {

    private static final Map<EventType, JsonSchema> SCHEMAS = load();

    private EventSchemas() {
    }

    public static List<String> violations(EventType type, JsonNode body) {
        return SCHEMAS.get(type).validate(body).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** @throws InvalidEventException listing every violation */
    public static void requireValid(EventType type, JsonNode body) {
        List<String> violations = violations(type, body);
        if (!violations.isEmpty()) {
            throw new InvalidEventException(type.ceType() + " violates its schema: " + String.join("; ", violations));
        }
    }

    public static JsonNode schemaOf(EventType type) {
        return SCHEMAS.get(type).getSchemaNode();
    }

    private static Map<EventType, JsonSchema> load() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            try (InputStream in = EventSchemas.class.getResourceAsStream(type.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("no schema at " + type.schemaResource());
                }
                schemas.put(type, factory.getSchema(EventJson.mapper().readTree(in), config));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + type.schemaResource(), e);
            }
        }
        return schemas;
    }
}
