package io.arrears.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.arrears.events.EventType;
import io.arrears.localinfra.BrokerSecurity;
import io.arrears.localinfra.FreePort;
import io.arrears.localinfra.KafkaBroker;
import io.arrears.testing.KafkaUsers;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import io.arrears.messaging.ConsumerLag;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Kafka principals of deploy/k8s/base/kafka-users.yaml: in step with what each service owns and
 * consumes, and enforced by a real broker with SCRAM-SHA-512 over TLS and the KRaft StandardAuthorizer,
 * where the ACLs of the manifest are the only grants.
 */
class KafkaUserAclsTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final List<String> SERVICES = List.of("account", "reminder", "contact-channel", "complaint", "agency");
    private static final Map<String, JsonNode> USERS = KafkaUsers.read(ROOT.resolve("deploy/k8s/base/kafka-users.yaml")).users();

    @TempDir
    static Path home;
    private static KafkaBroker broker;

    @BeforeAll
    static void startSecuredBroker() throws Exception {
        Map<String, String> passwords = new LinkedHashMap<>();
        USERS.keySet().forEach(user -> passwords.put(user, user + "-secret"));
        broker = new KafkaBroker(home.resolve("kafka"), FreePort.pick(), FreePort.pick(), "-Xmx384m", BrokerSecurity.withUsers(passwords));
        broker.start(Duration.ofSeconds(120));
        try (Admin admin = Admin.create(broker.clientSettings(BrokerSecurity.ADMIN))) {
            admin.createTopics(List.of(new NewTopic("corebanking.payments.v1", 1, (short) 1),
                    new NewTopic("arrears.plan-agreed.v1", 1, (short) 1), new NewTopic("arrears.payment-missed.v1", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            admin.createAcls(new KafkaUsers(USERS).bindings()).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.stop(Duration.ofSeconds(30));
        }
    }

    @Test
    void eachServiceWritesWhatItOwnsAndReadsWhatItConsumesAndNothingElse() throws IOException {
        for (String service : SERVICES) {
            Set<String> consumed = consumedBy(service);
            Set<String> owned = Arrays.stream(EventType.values()).filter(t -> t.producer().equals("/arrears/" + service))
                    .map(EventType::topic).collect(Collectors.toCollection(TreeSet::new));
            Set<String> deadLetters = consumed.stream().map(t -> t + ".dlq").collect(Collectors.toCollection(TreeSet::new));

            Set<String> writes = new TreeSet<>(owned);
            writes.addAll(deadLetters);
            Set<String> reads = new TreeSet<>(consumed);
            reads.addAll(deadLetters);
            assertThat(topics(service, "Write")).as(service + " writes").isEqualTo(writes);
            assertThat(topics(service, "Read")).as(service + " reads").isEqualTo(reads);
            assertThat(topics(service, "Write")).as(service + " writes no core-banking topic")
                    .noneMatch(t -> t.startsWith("corebanking.") && !t.endsWith(".dlq"));
            assertThat(groups(service, "Read")).as(service + " consumer group").containsExactly("arrears-" + service);
        }
    }

    @Test
    void aServiceCannotPublishCoreBankingPaymentsButCoreBankingAndTheOwnerCanPublishTheirs() throws Exception {
        assertThatThrownBy(() -> publish("reminder", "corebanking.payments.v1"))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> publish("account", "corebanking.payments.v1"))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> publish("account", "arrears.plan-agreed.v1"))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);

        publish("corebanking", "corebanking.payments.v1");
        publish("reminder", "arrears.plan-agreed.v1");
    }

    @Test
    void onlyAConsumerOfATopicCanReadIt() throws Exception {
        publish("corebanking", "corebanking.payments.v1");

        assertThat(readOne("account", "corebanking.payments.v1")).isPositive();
        assertThatThrownBy(() -> readOne("complaint", "corebanking.payments.v1")).isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void theAccountServiceReadsHowFarBehindTheGroupsItPacesOnAreAndCannotJoinThem() throws Exception {
        publish("account", "arrears.payment-missed.v1");
        publish("account", "arrears.payment-missed.v1");
        try (Admin admin = Admin.create(broker.clientSettings(BrokerSecurity.ADMIN))) {
            admin.alterConsumerGroupOffsets("arrears-reminder", Map.of(new TopicPartition("arrears.payment-missed.v1", 0),
                    new OffsetAndMetadata(1))).all().get(30, TimeUnit.SECONDS);
        }
        List<String> topics = List.of("arrears.payment-missed.v1");

        ConsumerLag asAccount = new ConsumerLag(new HashMap<>(broker.clientSettings("account")));
        ConsumerLag asComplaint = new ConsumerLag(new HashMap<>(broker.clientSettings("complaint")));
        try {
            assertThat(asAccount.behind("arrears-reminder", topics)).hasValue(1);
            assertThat(asAccount.progress("arrears-reminder", topics)).contains(new ConsumerLag.Progress(1, 1));
            assertThat(asComplaint.behind("arrears-reminder", topics)).isEmpty();
        } finally {
            asAccount.close();
            asComplaint.close();
        }
        assertThat(groups("account", "Describe")).containsExactlyInAnyOrder("arrears-reminder", "arrears-contact-channel");
        Map<String, Object> settings = new HashMap<>(broker.clientSettings("account"));
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, "arrears-reminder");
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("arrears.payment-missed.v1"));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10))).isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, Object> settings = new HashMap<>(broker.clientSettings(BrokerSecurity.ADMIN));
        settings.putAll(BrokerSecurity.withUsers(Map.of()).clientSettings(home.resolve("kafka"), "reminder", "not-the-password"));
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("arrears.plan-agreed.v1", "k", "v")).get(30, TimeUnit.SECONDS))
                    .hasRootCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    private static void publish(String user, String topic) throws Exception {
        Map<String, Object> settings = new HashMap<>(broker.clientSettings(user));
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "ACC-1", "{}")).get(30, TimeUnit.SECONDS);
        }
    }

    /** Records the user read from the topic as a member of its own group, within a bound. */
    private static int readOne(String user, String topic) {
        Map<String, Object> settings = new HashMap<>(broker.clientSettings(user));
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, "arrears-" + user);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    return records.count();
                }
            }
            return 0;
        }
    }

    private static Set<String> topics(String user, String operation) {
        Set<String> topics = new TreeSet<>();
        USERS.get(user).path("spec").path("authorization").path("acls").forEach(acl -> {
            boolean granted = false;
            for (JsonNode op : acl.path("operations")) {
                granted |= op.asText().equals(operation);
            }
            if (granted && acl.path("resource").path("type").asText().equals("topic")) {
                topics.add(acl.path("resource").path("name").asText());
            }
        });
        return topics;
    }

    private static Set<String> groups(String user, String operation) {
        Set<String> groups = new TreeSet<>();
        USERS.get(user).path("spec").path("authorization").path("acls").forEach(acl -> {
            boolean granted = false;
            for (JsonNode op : acl.path("operations")) {
                granted |= op.asText().equals(operation);
            }
            if (granted && acl.path("resource").path("type").asText().equals("group")) {
                groups.add(acl.path("resource").path("name").asText());
            }
        });
        return groups;
    }

    private static Set<String> consumedBy(String service) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(ROOT.resolve("services").resolve(service).resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return properties.stringPropertyNames().stream()
                .filter(key -> key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic"))
                .map(properties::getProperty)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
