package io.arrears.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every object both overlays render, validated as the cluster would: core kinds against the
 * Kubernetes 1.35 API, custom resources against the CRDs of the operator versions the README names.
 */
class KubernetesSchemaTest {

    private static final KubernetesSchemas SCHEMAS = KubernetesSchemas.load();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyRenderedObjectIsValidForTheVersionItNames(String overlay) throws Exception {
        List<JsonNode> docs = Overlays.render(overlay);
        List<String> problems = new ArrayList<>();
        docs.forEach(d -> problems.addAll(SCHEMAS.problems(d)));

        assertThat(problems).isEmpty();
        assertThat(docs.stream().map(d -> d.path("kind").asText()).distinct())
                .contains("Namespace", "Kafka", "KafkaNodePool", "KafkaTopic", "Cluster", "Deployment", "Service",
                        "HorizontalPodAutoscaler", "PodDisruptionBudget", "PersistentVolumeClaim");
    }

    @Test
    void anApiVersionTheOperatorNoLongerServesIsRefused() throws Exception {
        JsonNode kafka = YAML.readTree("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: Kafka
                metadata: {name: arrears}
                spec: {kafka: {version: 4.3.1}}
                """);

        assertThat(SCHEMAS.problems(kafka)).singleElement().asString()
                .startsWith("Kafka arrears: no schema serves Kafka in kafka.strimzi.io/v1beta2");
    }

    @Test
    void anUnknownFieldIsAnErrorInCoreKindsAndCustomResources() throws Exception {
        JsonNode deployment = YAML.readTree("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: account, labelz: {a: b}}
                spec:
                  selector: {matchLabels: {app: account}}
                  template:
                    metadata: {labels: {app: account}}
                    spec:
                      containers:
                        - name: account
                          image: arrears/account
                          resources: {limits: {memory: 1Gi, cpu: 1}}
                          ports: [{containerPort: 8081}]
                          livenessProbe: {httpGet: {path: /q/health/live, port: 8081}}
                          readinessPorbe: {httpGet: {path: /q/health/ready, port: http}}
                """);
        JsonNode topic = YAML.readTree("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata:
                  name: t
                  labels: {strimzi.io/cluster: arrears}
                  annotationz: {a: b}
                spec: {topicName: t, partitions: 6, replicas: 3, replicationFactor: 3}
                """);

        assertThat(SCHEMAS.problems(deployment)).hasSize(2)
                .anyMatch(p -> p.contains("readinessPorbe")).anyMatch(p -> p.contains("labelz"));
        assertThat(SCHEMAS.problems(topic)).hasSize(2)
                .anyMatch(p -> p.contains("replicationFactor")).anyMatch(p -> p.contains("metadata") && p.contains("annotationz"));
    }

    @Test
    void aWrongTypeOrAMissingRequiredFieldIsAnError() throws Exception {
        ObjectNode cluster = (ObjectNode) YAML.readTree("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: account-db}
                spec: {instances: three, storage: {size: 20Gi}}
                """);
        JsonNode service = YAML.readTree("""
                apiVersion: v1
                kind: Service
                metadata: {name: account}
                spec: {ports: [{name: http, targetPort: 8081}]}
                """);

        assertThat(SCHEMAS.problems(cluster)).anyMatch(p -> p.contains("instances"));
        assertThat(SCHEMAS.problems(service)).anyMatch(p -> p.contains("port"));
    }
}
