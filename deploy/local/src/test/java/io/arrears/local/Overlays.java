package io.arrears.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kubernetes overlays as {@code kubectl kustomize} renders them, offline. */
final class Overlays {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    static final Set<String> CLUSTER_SCOPED = Set.of("Namespace");

    private Overlays() {
    }

    static String namespace(String overlay) {
        return overlay.equals("prod") ? "arrears" : "arrears-dev";
    }

    static List<JsonNode> render(String overlay) throws IOException, InterruptedException {
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", ROOT.resolve("deploy/k8s/overlays").resolve(overlay).toString())
                .redirectErrorStream(true).start();
        byte[] output = kubectl.getInputStream().readAllBytes();
        assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(kubectl.exitValue()).as(new String(output, StandardCharsets.UTF_8)).isZero();
        List<JsonNode> docs = new ArrayList<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (var parser = yaml.getFactory().createParser(output)) {
            Iterator<JsonNode> it = yaml.readValues(parser, JsonNode.class);
            it.forEachRemaining(docs::add);
        }
        assertThat(docs).allSatisfy(d -> {
            assertThat(d.path("apiVersion").asText()).isNotBlank();
            assertThat(d.path("kind").asText()).isNotBlank();
            assertThat(d.at("/metadata/name").asText()).matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
            if (!CLUSTER_SCOPED.contains(d.path("kind").asText())) {
                assertThat(d.at("/metadata/namespace").asText()).isEqualTo(namespace(overlay));
            }
        });
        return docs;
    }
}
