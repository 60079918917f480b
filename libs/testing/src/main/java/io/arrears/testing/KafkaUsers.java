package io.arrears.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Strimzi {@code KafkaUser} resources of a manifest (deploy/k8s/base/kafka-users.yaml), read so that
 * a broker started here grants exactly what the cluster's User Operator would.
 */
public record KafkaUsers(Map<String, JsonNode> users) {

    public static KafkaUsers read(Path manifest) {
        try {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            Map<String, JsonNode> users = new LinkedHashMap<>();
            try (var parser = yaml.getFactory().createParser(manifest.toFile())) {
                yaml.readValues(parser, JsonNode.class).readAll().stream()
                        .filter(doc -> "KafkaUser".equals(doc.path("kind").asText()))
                        .forEach(doc -> users.put(doc.path("metadata").path("name").asText(), doc));
            }
            return new KafkaUsers(users);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + manifest, e);
        }
    }

    public List<String> names() {
        return List.copyOf(users.keySet());
    }

    /** Every ACL of every user, as the broker stores them. */
    public List<AclBinding> bindings() {
        List<AclBinding> bindings = new ArrayList<>();
        users.forEach((user, spec) -> spec.path("spec").path("authorization").path("acls").forEach(acl -> bindings.addAll(bindings(user, acl))));
        return bindings;
    }

    private static List<AclBinding> bindings(String user, JsonNode acl) {
        JsonNode resource = acl.path("resource");
        ResourceType type = switch (resource.path("type").asText()) {
            case "topic" -> ResourceType.TOPIC;
            case "group" -> ResourceType.GROUP;
            case "cluster" -> ResourceType.CLUSTER;
            default -> throw new IllegalArgumentException("resource type " + resource.path("type").asText());
        };
        String name = type == ResourceType.CLUSTER ? "kafka-cluster" : resource.path("name").asText();
        PatternType pattern = "prefix".equals(resource.path("patternType").asText()) ? PatternType.PREFIXED : PatternType.LITERAL;
        List<AclBinding> bindings = new ArrayList<>();
        acl.path("operations").forEach(operation -> bindings.add(new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry("User:" + user, acl.path("host").asText("*"),
                        AclOperation.fromString(operation.asText().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT)),
                        AclPermissionType.ALLOW))));
        return bindings;
    }
}
