package io.arrears.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a cluster operator asks of the manifests beyond their schemas: pods admitted under the
 * "restricted" Pod Security level, replicas of a service spread over nodes, scale owned by the
 * autoscaler alone, images at the project version, a pinned database image and, in prod, backups.
 */
class KubernetesHardeningTest {

    private static final List<String> SERVICES = List.of("account", "reminder", "contact-channel", "complaint", "agency", "console");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theNamespaceEnforcesTheRestrictedLevelAndEveryPodMeetsIt(String overlay) throws Exception {
        List<JsonNode> docs = Overlays.render(overlay);
        JsonNode namespace = docs.stream().filter(d -> d.path("kind").asText().equals("Namespace")).findFirst().orElseThrow();
        assertThat(namespace.at("/metadata/name").asText()).isEqualTo(Overlays.namespace(overlay));
        assertThat(namespace.at("/metadata/labels").path("pod-security.kubernetes.io/enforce").asText()).isEqualTo("restricted");

        for (JsonNode deployment : kind(docs, "Deployment")) {
            String name = deployment.at("/metadata/name").asText();
            restrictedPod(name, deployment.at("/spec/template/spec/securityContext"));
            for (JsonNode container : deployment.at("/spec/template/spec/containers")) {
                restrictedContainer(name, container.path("securityContext"));
                assertThat(container.path("volumeMounts").findValuesAsText("mountPath")).as("%s writes /tmp on a volume", name).contains("/tmp");
            }
        }
        for (JsonNode pool : kind(docs, "KafkaNodePool")) {
            restrictedPod("Kafka node pool", pool.at("/spec/template/pod/securityContext"));
            restrictedContainer("Kafka", pool.at("/spec/template/kafkaContainer/securityContext"));
        }
        JsonNode kafka = kind(docs, "Kafka").get(0);
        restrictedPod("entity operator", kafka.at("/spec/entityOperator/template/pod/securityContext"));
        restrictedContainer("topic operator", kafka.at("/spec/entityOperator/template/topicOperatorContainer/securityContext"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theAutoscalerAloneOwnsTheScaleAndReplicasSpreadByTheirOwnService(String overlay) throws Exception {
        List<JsonNode> docs = Overlays.render(overlay);
        for (JsonNode deployment : kind(docs, "Deployment")) {
            String name = deployment.at("/metadata/name").asText();
            assertThat(kind(docs, "HorizontalPodAutoscaler").stream().map(h -> h.at("/spec/scaleTargetRef/name").asText())).contains(name);
            assertThat(deployment.at("/spec/replicas").isMissingNode()).as("%s names no replicas beside its autoscaler", name).isTrue();
            JsonNode spread = deployment.at("/spec/template/spec/topologySpreadConstraints/0");
            assertThat(spread.path("topologyKey").asText()).isEqualTo("kubernetes.io/hostname");
            assertThat(spread.at("/labelSelector/matchLabels")).as("%s spreads over its own pods only", name)
                    .isEqualTo(deployment.at("/spec/selector/matchLabels"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void imagesCarryTheProjectVersionFromOneRegistryAndTheDatabaseImageIsPinned(String overlay) throws Exception {
        List<JsonNode> docs = Overlays.render(overlay);
        String version = projectVersion();
        Set<String> registries = kind(docs, "Deployment").stream()
                .map(d -> d.at("/spec/template/spec/containers/0/image").asText())
                .peek(image -> assertThat(image).endsWith(":" + version))
                .map(image -> image.substring(0, image.indexOf("/arrears/")))
                .collect(Collectors.toSet());
        assertThat(registries).hasSize(1);
        assertThat(kind(docs, "Deployment").stream().map(d -> d.at("/spec/template/spec/containers/0/image").asText()))
                .containsExactlyInAnyOrderElementsOf(SERVICES.stream().map(s -> registries.iterator().next() + "/arrears/" + s + ":" + version).toList());
        for (JsonNode cluster : kind(docs, "Cluster")) {
            assertThat(cluster.at("/spec/imageName").asText()).as("a PostgreSQL minor release and OS, not a floating major tag")
                    .matches("ghcr\\.io/cloudnative-pg/postgresql:\\d+\\.\\d+-[a-z]+-[a-z]+");
        }
        JsonNode pvc = kind(docs, "PersistentVolumeClaim").get(0);
        assertThat(pvc.at("/spec/storageClassName").asText()).isEqualTo("arrears-print-drop");
    }

    @Test
    void prodArchivesEveryDatabaseContinuouslyAndBacksItUpNightly() throws Exception {
        List<JsonNode> docs = Overlays.render("prod");
        JsonNode store = kind(docs, "ObjectStore").get(0);
        assertThat(store.at("/spec/configuration/s3Credentials/accessKeyId/name").asText()).isEqualTo("arrears-backup-s3");
        assertThat(store.at("/spec/retentionPolicy").asText()).isNotBlank();
        for (JsonNode cluster : kind(docs, "Cluster")) {
            String name = cluster.at("/metadata/name").asText();
            JsonNode plugin = cluster.at("/spec/plugins/0");
            assertThat(plugin.path("name").asText()).isEqualTo("barman-cloud.cloudnative-pg.io");
            assertThat(plugin.path("isWALArchiver").asBoolean()).as("%s archives its WAL", name).isTrue();
            assertThat(plugin.at("/parameters/barmanObjectName").asText()).isEqualTo(store.at("/metadata/name").asText());
            assertThat(kind(docs, "ScheduledBackup")).as("%s has a nightly backup", name)
                    .anyMatch(b -> b.at("/spec/cluster/name").asText().equals(name) && b.at("/spec/method").asText().equals("plugin"));
        }
        assertThat(kind(Overlays.render("dev"), "ScheduledBackup")).isEmpty();
    }

    private static void restrictedPod(String who, JsonNode securityContext) {
        assertThat(securityContext.path("runAsNonRoot").asBoolean()).as("%s runs as non-root", who).isTrue();
        assertThat(securityContext.at("/seccompProfile/type").asText()).as("%s seccomp", who).isEqualTo("RuntimeDefault");
    }

    private static void restrictedContainer(String who, JsonNode securityContext) {
        assertThat(securityContext.path("allowPrivilegeEscalation").isBoolean() && !securityContext.path("allowPrivilegeEscalation").asBoolean())
                .as("%s cannot escalate privileges", who).isTrue();
        assertThat(securityContext.path("readOnlyRootFilesystem").asBoolean()).as("%s has a read-only root filesystem", who).isTrue();
        assertThat(securityContext.at("/capabilities/drop/0").asText()).as("%s drops every capability", who).isEqualTo("ALL");
    }

    private static List<JsonNode> kind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    }

    private static String projectVersion() throws Exception {
        String pom = Files.readString(Overlays.ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<artifactId>arrears-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
