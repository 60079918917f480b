package io.arrears.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.arrears.localinfra.KafkaTopics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifests as kustomize renders each overlay ({@code kubectl kustomize}, offline),
 * checked against each other and against the code: selectors select, services and probes point at
 * the port each service listens on, every topic exists with the overlay's replication, every
 * service has its database (UTF-8, in the C locale), disruption budget and autoscaler.
 */
class KubernetesManifestsTest {

    private static final Path ROOT = Overlays.ROOT;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceIsDeployedWithMatchingSelectorsPortsProbesAndLimits(String overlay) throws Exception {
        List<JsonNode> docs = render(overlay);
        for (String service : services()) {
            String port = properties(service).getProperty("quarkus.http.port");
            JsonNode deployment = one(docs, "Deployment", service);
            JsonNode selector = deployment.at("/spec/selector/matchLabels");
            assertThat(selector.size()).isPositive();
            assertThat(labelsInclude(deployment.at("/spec/template/metadata/labels"), selector)).as("%s pod labels", service).isTrue();
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            assertThat(container.at("/ports/0/containerPort").asText()).isEqualTo(port);
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
            assertThat(container.at("/livenessProbe/httpGet/port").asText()).isEqualTo(port);
            assertThat(container.at("/readinessProbe/httpGet/port").asText()).isEqualTo(port);
            assertThat(container.at("/resources/requests/cpu").isMissingNode()).isFalse();
            assertThat(container.at("/resources/limits/memory").isMissingNode()).isFalse();

            JsonNode svc = one(docs, "Service", service);
            assertThat(labelsInclude(deployment.at("/spec/template/metadata/labels"), svc.at("/spec/selector"))).isTrue();
            assertThat(svc.at("/spec/ports/0/targetPort").asText()).isEqualTo(port);
            assertThat(one(docs, "PodDisruptionBudget", service).at("/spec/selector/matchLabels")).isEqualTo(selector);
            JsonNode hpa = one(docs, "HorizontalPodAutoscaler", service);
            assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo(service);
            assertThat(hpa.at("/spec/maxReplicas").asInt()).as("%s scales no further than the partitions", service)
                    .isLessThanOrEqualTo(minPartitions(docs, consumedTopics(service)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyEnvironmentVariableIsReadAndEveryDatabaseExists(String overlay) throws Exception {
        List<JsonNode> docs = render(overlay);
        for (String service : services()) {
            Set<String> read = new HashSet<>();
            Matcher m = PLACEHOLDER.matcher(Files.readString(applicationProperties(service), StandardCharsets.UTF_8) + sharedConfiguration(service));
            while (m.find()) {
                read.add(m.group(1));
            }
            JsonNode config = one(docs, "ConfigMap", service + "-config");
            config.path("data").fieldNames().forEachRemaining(k -> assertThat(read).as("%s reads %s", service, k).contains(k));
            one(docs, "Deployment", service).at("/spec/template/spec/containers/0/env")
                    .forEach(e -> assertThat(read).as("%s reads %s", service, e.path("name").asText()).contains(e.path("name").asText()));

            String datasource = properties(service).getProperty("quarkus.datasource.jdbc.url");
            if (datasource == null) {
                assertThat(service).as("only the console owns no data").isEqualTo("console");
                continue;
            }
            Matcher url = Pattern.compile("\\$\\{([A-Z_]+_DB_URL):jdbc:postgresql://[^/]+/([a-z]+)}").matcher(datasource);
            assertThat(url.matches()).isTrue();
            String database = url.group(2);
            JsonNode cluster = one(docs, "Cluster", database + "-db");
            assertThat(cluster.at("/spec/bootstrap/initdb/database").asText()).isEqualTo(database);
            // As the local servers and compose make theirs: UTF-8, text keys compared byte by byte.
            assertThat(cluster.at("/spec/bootstrap/initdb/encoding").asText()).as("%s encoding", database).isEqualTo("UTF8");
            assertThat(cluster.at("/spec/bootstrap/initdb/localeCollate").asText()).as("%s collation", database).isEqualTo("C");
            assertThat(cluster.at("/spec/bootstrap/initdb/localeCType").asText()).as("%s character classes", database).isEqualTo("C");
            assertThat(config.at("/data/" + url.group(1)).asText()).isEqualTo("jdbc:postgresql://" + database + "-db-rw:5432/" + database);
            if (overlay.equals("prod")) {
                assertThat(cluster.at("/spec/instances").asInt()).isEqualTo(3);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTopicOfTheContractExistsWithTheOverlaysReplication(String overlay) throws Exception {
        List<JsonNode> docs = render(overlay);
        JsonNode cluster = docs.stream().filter(d -> d.path("kind").asText().equals("Kafka")).findFirst().orElseThrow();
        String kafka = cluster.at("/metadata/name").asText();
        JsonNode listener = cluster.at("/spec/kafka/listeners/0");
        Map<String, JsonNode> topics = docs.stream().filter(d -> d.path("kind").asText().equals("KafkaTopic"))
                .collect(Collectors.toMap(d -> d.at("/spec/topicName").asText(), d -> d));

        assertThat(topics.keySet()).isEqualTo(new HashSet<>(KafkaTopics.contract()));
        for (JsonNode topic : topics.values()) {
            assertThat(topic.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo(kafka);
            assertThat(topic.at("/spec/partitions").asInt()).isGreaterThanOrEqualTo(3);
            if (overlay.equals("prod")) {
                assertThat(topic.at("/spec/replicas").asInt()).isEqualTo(3);
                assertThat(topic.at("/spec/config/min.insync.replicas").asText()).isEqualTo("2");
            } else {
                assertThat(topic.at("/spec/replicas").asInt()).isEqualTo(1);
            }
        }
        for (String service : services()) {
            assertThat(topics.keySet()).as("%s consumes", service).containsAll(consumedTopics(service));
            JsonNode config = one(docs, "ConfigMap", service + "-config");
            if (properties(service).getProperty("kafka.bootstrap.servers") == null) {
                assertThat(config.at("/data/KAFKA_BOOTSTRAP_SERVERS").isMissingNode()).as("%s has no use for the broker", service).isTrue();
                continue;
            }
            assertThat(config.at("/data/KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo(kafka + "-kafka-bootstrap:" + listener.path("port").asInt());
            // The only listener takes TLS and SCRAM logins, and so does every service.
            assertThat(listener.path("tls").asBoolean()).isTrue();
            assertThat(listener.at("/authentication/type").asText()).isEqualTo("scram-sha-512");
            assertThat(config.at("/data/KAFKA_SECURITY_PROTOCOL").asText()).isEqualTo("SASL_SSL");
            assertThat(config.at("/data/KAFKA_SASL_MECHANISM").asText()).isEqualTo("SCRAM-SHA-512");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theInboxRemembersEventsLongerThanAnyConsumedTopicKeepsThem(String overlay) throws Exception {
        // A consumer that starts over from the earliest offset must find every record it is given in its inbox.
        java.time.Duration inbox = java.time.Duration.parse(io.arrears.messaging.MessagingConfig.Inbox.class.getMethod("retention")
                .getAnnotation(io.smallrye.config.WithDefault.class).value());
        Set<String> consumed = new HashSet<>();
        for (String service : services()) {
            consumed.addAll(consumedTopics(service));
        }
        List<JsonNode> topics = render(overlay).stream().filter(d -> d.path("kind").asText().equals("KafkaTopic"))
                .filter(d -> consumed.contains(d.at("/spec/topicName").asText())).toList();
        assertThat(topics).hasSize(consumed.size());
        for (JsonNode topic : topics) {
            long retentionMs = Long.parseLong(topic.at("/spec/config/retention.ms").asText());
            assertThat(java.time.Duration.ofMillis(retentionMs)).as(topic.at("/spec/topicName").asText()).isLessThan(inbox);
        }
    }

    private static List<JsonNode> render(String overlay) throws IOException, InterruptedException {
        return Overlays.render(overlay);
    }

    private static JsonNode one(List<JsonNode> docs, String kind, String name) {
        List<JsonNode> found = docs.stream().filter(d -> d.path("kind").asText().equals(kind) && d.at("/metadata/name").asText().equals(name))
                .toList();
        assertThat(found).as("%s %s", kind, name).hasSize(1);
        return found.get(0);
    }

    private static boolean labelsInclude(JsonNode labels, JsonNode selector) {
        Iterator<Map.Entry<String, JsonNode>> it = selector.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!labels.path(e.getKey()).asText().equals(e.getValue().asText())) {
                return false;
            }
        }
        return true;
    }

    private static int minPartitions(List<JsonNode> docs, Set<String> topics) {
        return docs.stream().filter(d -> d.path("kind").asText().equals("KafkaTopic") && topics.contains(d.at("/spec/topicName").asText()))
                .mapToInt(d -> d.at("/spec/partitions").asInt()).min().orElse(Integer.MAX_VALUE);
    }

    private static Set<String> consumedTopics(String service) throws IOException {
        Properties properties = properties(service);
        return properties.stringPropertyNames().stream().filter(k -> k.startsWith("mp.messaging.incoming.") && k.endsWith(".topic"))
                .map(properties::getProperty).collect(Collectors.toSet());
    }

    private static List<String> services() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT.resolve("services"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml"))).map(d -> d.getFileName().toString()).sorted().toList();
        }
    }

    /** The defaults a service takes from a library it depends on: the contact rules' policy packs. */
    private static String sharedConfiguration(String service) throws IOException {
        if (!Files.readString(ROOT.resolve("services").resolve(service).resolve("pom.xml")).contains("<artifactId>arrears-contact-rules</artifactId>")) {
            return "";
        }
        return Files.readString(ROOT.resolve("libs/contact-rules/src/main/resources/META-INF/microprofile-config.properties"), StandardCharsets.UTF_8);
    }

    private static Path applicationProperties(String service) {
        return ROOT.resolve("services").resolve(service).resolve("src/main/resources/application.properties");
    }

    private static Properties properties(String service) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(applicationProperties(service), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
