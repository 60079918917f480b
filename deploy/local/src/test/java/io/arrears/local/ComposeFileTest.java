package io.arrears.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.arrears.localinfra.KafkaTopics;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot run on machines without a Docker engine, so it is checked against the
 * code instead: every service, port, environment variable, database and topic it names must be one
 * the services really use.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)");
    private static final Set<String> PLATFORM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "JAVA_OPTS_APPEND");

    private final JsonNode compose = read(ROOT.resolve("docker-compose.yml"));

    @Test
    void everyServiceModuleRunsInComposeFromItsOwnImageOnItsOwnPort() throws IOException {
        for (String service : serviceModules()) {
            JsonNode entry = compose.path("services").path(service);
            assertThat(entry.isMissingNode()).as("compose service %s", service).isFalse();
            Path context = ROOT.resolve(entry.path("build").path("context").asText());
            assertThat(context).isEqualTo(ROOT.resolve("services").resolve(service));
            assertThat(context.resolve(entry.path("build").path("dockerfile").asText())).isRegularFile();
            String port = properties(service).getProperty("quarkus.http.port");
            assertThat(entry.path("ports").get(0).asText()).as("%s ports", service).isEqualTo(port + ":" + port);
            assertThat(entry.path("healthcheck").path("test").get(1).asText()).contains("localhost:" + port + "/q/health/ready");
        }
    }

    @Test
    void theServicesGetThePublicKeyAloneNeverTheSigningKey() throws Exception {
        JsonNode keys = compose.path("services").path("keys");
        assertThat(keys.path("command").toString()).contains("/keys").contains("/public-key");
        for (String service : serviceModules()) {
            List<String> volumes = new ArrayList<>();
            compose.path("services").path(service).path("volumes").forEach(v -> volumes.add(v.asText()));
            assertThat(volumes).as("%s volumes", service).noneMatch(v -> v.startsWith("keys:"));
            if (properties(service).getProperty("mp.jwt.verify.publickey.location") != null) {
                assertThat(volumes).as("%s volumes", service).contains("jwt-public-key:/keys:ro");
            }
        }
        // What the keys container writes to the services' volume: the public key, and nothing else.
        Path signing = Files.createTempDirectory("keys-");
        Path publicOnly = Files.createTempDirectory("public-");
        Launcher.main(new String[] {"keys", signing.toString(), publicOnly.toString()});
        try (var listing = Files.list(publicOnly)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("publicKey.pem");
        }
        assertThat(Files.readString(publicOnly.resolve("publicKey.pem"))).startsWith("-----BEGIN PUBLIC KEY-----");
    }

    @Test
    void everyEnvironmentVariableIsOneTheServiceReads() throws IOException {
        for (String service : serviceModules()) {
            String text = Files.readString(applicationProperties(service), StandardCharsets.UTF_8);
            Set<String> read = new HashSet<>();
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                read.add(m.group(1));
            }
            compose.path("services").path(service).path("environment").fieldNames().forEachRemaining(variable -> {
                if (!PLATFORM_VARIABLES.contains(variable)) {
                    assertThat(read).as("variables %s reads", service).contains(variable);
                }
            });
        }
    }

    @Test
    void everyServiceHasItsOwnDatabaseAndTheDatabaseIsCreated() throws IOException {
        String init = Files.readString(ROOT.resolve("deploy/compose/init-databases.sql"), StandardCharsets.UTF_8);
        Set<String> databases = new HashSet<>();
        List<String> withoutDatabase = new ArrayList<>();
        for (String service : serviceModules()) {
            String defaultUrl = properties(service).getProperty("quarkus.datasource.jdbc.url");
            if (defaultUrl == null) {
                withoutDatabase.add(service);
                continue;
            }
            Matcher variable = Pattern.compile("\\$\\{([A-Z_]+_DB_URL):jdbc:postgresql://[^/]+/([a-z]+)}").matcher(defaultUrl);
            assertThat(variable.matches()).as("%s datasource url %s", service, defaultUrl).isTrue();
            String url = compose.path("services").path(service).path("environment").path(variable.group(1)).asText();
            assertThat(url).isEqualTo("jdbc:postgresql://postgres:5432/" + variable.group(2));
            assertThat(init).contains("create database " + variable.group(2) + ";");
            databases.add(variable.group(2));
        }
        assertThat(databases).hasSize(serviceModules().size() - withoutDatabase.size());
        assertThat(withoutDatabase).as("only the console owns no data").containsExactly("console");
    }

    @Test
    void theTopicsCreatedAreExactlyTheContractsTopicsAndCoverEveryConsumer() throws IOException {
        Set<String> created = new HashSet<>();
        for (String topic : compose.path("services").path("topics").path("environment").path("KAFKA_TOPICS").asText().trim().split("\\s+")) {
            created.add(topic);
        }
        Set<String> contract = new HashSet<>(KafkaTopics.contract());
        assertThat(created).isEqualTo(contract);
        for (String service : serviceModules()) {
            Properties properties = properties(service);
            properties.stringPropertyNames().stream().filter(k -> k.startsWith("mp.messaging.incoming.") && k.endsWith(".topic"))
                    .forEach(k -> assertThat(created).as("%s consumes %s", service, k).contains(properties.getProperty(k)));
        }
    }

    @Test
    void theBrokerGrantsEachPrincipalExactlyTheAclsOfTheKubernetesUsers() throws IOException {
        Set<String> kubernetes = new TreeSet<>();
        YAMLFactory yaml = new YAMLFactory();
        try (var parser = yaml.createParser(ROOT.resolve("deploy/k8s/base/kafka-users.yaml").toFile())) {
            for (JsonNode user : new ObjectMapper(yaml).readValues(parser, JsonNode.class).readAll()) {
                for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                    JsonNode resource = acl.path("resource");
                    List<String> operations = new ArrayList<>();
                    acl.path("operations").forEach(o -> operations.add(o.asText()));
                    kubernetes.add(String.join(" ", user.path("metadata").path("name").asText(), resource.path("type").asText(),
                            resource.path("name").asText(), "prefix".equals(resource.path("patternType").asText()) ? "prefixed" : "literal",
                            String.join(",", operations)));
                }
            }
        }
        Set<String> compose = new TreeSet<>();
        Matcher grant = Pattern.compile("(?m)^\\s+grant (.+)$").matcher(Files.readString(ROOT.resolve("deploy/compose/kafka-security.sh")));
        while (grant.find()) {
            compose.add(grant.group(1).trim());
        }
        assertThat(kubernetes).hasSizeGreaterThan(40);
        assertThat(compose).isEqualTo(kubernetes);
    }

    @Test
    void eachServiceLogsInToTheBrokerAsItsOwnPrincipalWithThePasswordTheBrokerKnows() throws IOException {
        JsonNode broker = compose.path("services").path("kafka");
        assertThat(broker.path("entrypoint").toString()).contains("kafka-security.sh").contains("broker");
        Pattern login = Pattern.compile("org\\.apache\\.kafka\\.common\\.security\\.scram\\.ScramLoginModule required username=\"([a-z-]+)\" password=\"([^\"]+)\";");
        Set<String> principals = new HashSet<>();
        for (String service : serviceModules()) {
            JsonNode env = compose.path("services").path(service).path("environment");
            if (properties(service).getProperty("kafka.bootstrap.servers") == null) {
                assertThat(env.has("KAFKA_SASL_JAAS_CONFIG")).as("%s has no use for a broker login", service).isFalse();
                continue;
            }
            assertThat(env.path("KAFKA_SECURITY_PROTOCOL").asText()).as(service).isEqualTo("SASL_PLAINTEXT");
            Matcher m = login.matcher(env.path("KAFKA_SASL_JAAS_CONFIG").asText());
            assertThat(m.matches()).as("%s logs in with SCRAM", service).isTrue();
            assertThat(m.group(1)).isEqualTo(service);
            assertThat(broker.path("environment").path("KAFKA_PASSWORD_" + service.replace('-', '_')).asText()).isEqualTo(m.group(2));
            principals.add(m.group(1));
        }
        assertThat(principals).containsExactlyInAnyOrder("account", "reminder", "contact-channel", "complaint", "agency");
    }

    @Test
    void contactChannelReachesTheProvidersAndSharesTheirCallbackSecret() {
        JsonNode env = compose.path("services").path("contact-channel").path("environment");
        String providers = compose.path("services").path("providers").path("environment").path("JAVA_TOOL_OPTIONS").asText();

        assertThat(env.path("SMTP_HOST").asText()).isEqualTo("providers");
        assertThat(env.path("SMPP_HOST").asText()).isEqualTo("providers");
        assertThat(env.path("IVR_URL").asText()).isEqualTo("http://providers:" + ProviderSinks.IVR);
        assertThat(env.path("SMTP_PORT").asText()).isEqualTo(Integer.toString(ProviderSinks.SMTP));
        assertThat(env.path("SMPP_PORT").asText()).isEqualTo(Integer.toString(ProviderSinks.SMPP));
        assertThat(providers).contains("-Darrears.callback-secret=" + env.path("ARREARS_CALLBACK_SECRET").asText())
                .contains("-Darrears.ivr.callback=http://contact-channel:8083/callbacks/voice");
    }

    private static List<String> serviceModules() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT.resolve("services"))) {
            List<String> names = new ArrayList<>(dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml")))
                    .map(d -> d.getFileName().toString()).sorted().toList());
            assertThat(names).isNotEmpty();
            return names;
        }
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

    private static JsonNode read(Path yaml) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(yaml.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
