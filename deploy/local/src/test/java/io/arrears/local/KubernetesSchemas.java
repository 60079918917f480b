package io.arrears.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The schemas a cluster judges our manifests by, kept in test resources with their licences: the
 * Kubernetes 1.35 API definitions for core kinds, and the CRDs of Strimzi 1.2.0, CloudNativePG 1.30.0
 * and its Barman Cloud plugin 0.14.0, for the versions each serves.
 *
 * <p>Validation is strict, as {@code kubectl apply} is by default: a field the schema does not name is
 * an error, unless the schema says it keeps unknown fields. An apiVersion an operator no longer serves
 * has no schema at all, so it fails too. The CRDs' CEL rules are not evaluated.
 */
final class KubernetesSchemas {

    static final String KUBERNETES = "kubernetes-1.35.0";
    static final List<String> CRDS = List.of(
            "strimzi-1.2.0/040-Crd-kafka.yaml", "strimzi-1.2.0/043-Crd-kafkatopic.yaml", "strimzi-1.2.0/044-Crd-kafkauser.yaml",
            "strimzi-1.2.0/045-Crd-kafkanodepool.yaml",
            "cloudnative-pg-1.30.0/postgresql.cnpg.io_clusters.yaml", "cloudnative-pg-1.30.0/postgresql.cnpg.io_scheduledbackups.yaml",
            "plugin-barman-cloud-0.14.0/barmancloud.cnpg.io_objectstores.yaml");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

    private final Map<String, JsonSchema> byKind = new LinkedHashMap<>();
    private final Map<String, String> origin = new LinkedHashMap<>();
    private final JsonSchema objectMeta;

    private KubernetesSchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().build();
        ObjectNode definitions = (ObjectNode) read(KUBERNETES + "/definitions.json", JSON).get("definitions");
        ObjectNode strictDefinitions = JsonNodeFactory.instance.objectNode();
        definitions.fields().forEachRemaining(e -> strictDefinitions.set(e.getKey(), strict(e.getValue().deepCopy(), e.getKey())));
        definitions.fields().forEachRemaining(e -> e.getValue().path("x-kubernetes-group-version-kind").forEach(gvk -> {
            String apiVersion = gvk.path("group").asText().isEmpty() ? gvk.path("version").asText()
                    : gvk.path("group").asText() + "/" + gvk.path("version").asText();
            put(apiVersion, gvk.path("kind").asText(), factory.getSchema(rooted(strictDefinitions, e.getKey()), config), "Kubernetes 1.35.0");
        }));
        this.objectMeta = factory.getSchema(rooted(strictDefinitions, OBJECT_META), config);
        for (String crd : CRDS) {
            JsonNode definition = read(crd, YAML);
            String group = definition.at("/spec/group").asText();
            String kind = definition.at("/spec/names/kind").asText();
            for (JsonNode version : definition.at("/spec/versions")) {
                if (version.path("served").asBoolean()) {
                    JsonNode schema = strict(version.at("/schema/openAPIV3Schema").deepCopy(), kind);
                    put(group + "/" + version.path("name").asText(), kind, factory.getSchema(schema, config), crd.substring(0, crd.indexOf('/')));
                }
            }
        }
    }

    static KubernetesSchemas load() {
        return new KubernetesSchemas();
    }

    /** Every reason the cluster would refuse {@code object}, each naming the object and the field. */
    List<String> problems(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        String name = kind + " " + object.at("/metadata/name").asText();
        Optional<JsonSchema> schema = Optional.ofNullable(byKind.get(apiVersion + " " + kind));
        if (schema.isEmpty()) {
            return List.of(name + ": no schema serves " + kind + " in " + apiVersion + " (checked against "
                    + String.join(", ", origin.values().stream().distinct().toList()) + ")");
        }
        List<String> problems = new ArrayList<>();
        for (ValidationMessage m : schema.get().validate(object)) {
            problems.add(name + ": " + m.getMessage());
        }
        if (!origin.get(apiVersion + " " + kind).startsWith("Kubernetes")) {
            // A CRD's schema leaves metadata to the API server, which checks it as for every object.
            for (ValidationMessage m : objectMeta.validate(object.path("metadata"))) {
                problems.add(name + ": metadata " + m.getMessage());
            }
        }
        return problems;
    }

    private void put(String apiVersion, String kind, JsonSchema schema, String from) {
        byKind.put(apiVersion + " " + kind, schema);
        origin.put(apiVersion + " " + kind, from);
    }

    private static JsonNode rooted(ObjectNode definitions, String root) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.set("allOf", JsonNodeFactory.instance.arrayNode().add(JsonNodeFactory.instance.objectNode().put("$ref", "#/definitions/" + root)));
        schema.set("definitions", definitions);
        return schema;
    }

    /**
     * The schema as the API server applies it: objects refuse unknown fields unless they preserve
     * them; int-or-string and quantities take numbers or strings; {@code nullable} admits null;
     * OpenAPI v2 references point into our definitions.
     */
    private static JsonNode strict(JsonNode node, String name) {
        if (node.isArray()) {
            node.forEach(n -> strict(n, name));
            return node;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode schema = (ObjectNode) node;
        if (name.equals("io.k8s.apimachinery.pkg.util.intstr.IntOrString") || schema.path("x-kubernetes-int-or-string").asBoolean()
                || schema.path("format").asText().equals("int-or-string")) {
            schema.removeAll();
            schema.set("type", JsonNodeFactory.instance.arrayNode().add("integer").add("string"));
            return schema;
        }
        if (name.equals("io.k8s.apimachinery.pkg.api.resource.Quantity")) {
            schema.removeAll();
            schema.set("type", JsonNodeFactory.instance.arrayNode().add("string").add("number"));
            return schema;
        }
        boolean keepsUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean();
        if (schema.path("nullable").asBoolean() && schema.path("type").isTextual()) {
            schema.set("type", JsonNodeFactory.instance.arrayNode().add(schema.path("type").asText()).add("null"));
        }
        List<String> extensions = new ArrayList<>();
        schema.fieldNames().forEachRemaining(f -> {
            if (f.startsWith("x-") || f.equals("nullable") || f.equals("description")) {
                extensions.add(f);
            }
        });
        extensions.forEach(schema::remove);
        if (schema.has("properties") && !schema.has("additionalProperties") && !keepsUnknown) {
            schema.put("additionalProperties", false);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = schema.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("properties")) {
                field.getValue().fields().forEachRemaining(p -> strict(p.getValue(), p.getKey()));
            } else if (List.of("enum", "required", "default", "example").contains(field.getKey())) {
                continue;
            } else {
                strict(field.getValue(), field.getKey());
            }
        }
        if (schema.has("$ref")) {
            String ref = schema.path("$ref").asText();
            // OpenAPI v2 puts siblings beside $ref (descriptions); draft 7 ignores them, and so do we.
            schema.removeAll();
            schema.put("$ref", ref);
        }
        if (schema.path("type").asText().equals("array") && !schema.has("items")) {
            schema.set("items", JsonNodeFactory.instance.objectNode());
        }
        return schema;
    }

    private static JsonNode read(String resource, ObjectMapper mapper) {
        try (InputStream in = KubernetesSchemas.class.getResourceAsStream("/k8s-schemas/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("no schema resource k8s-schemas/" + resource);
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
