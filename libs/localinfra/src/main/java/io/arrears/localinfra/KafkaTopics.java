package io.arrears.localinfra;

import io.arrears.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Creates every topic of the contract, and its dead-letter topic, before any service subscribes: a
 * consumer that subscribes to a topic that does not exist yet only notices it at its next metadata
 * refresh, minutes later. Production creates them the same way (KafkaTopic resources).
 */
public final class KafkaTopics {

    private KafkaTopics() {
    }

    public static List<String> contract() {
        List<String> names = new ArrayList<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class && !field.getName().equals("DEAD_LETTER_SUFFIX")) {
                try {
                    String topic = (String) field.get(null);
                    names.add(topic);
                    names.add(Topics.deadLetter(topic));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return names;
    }

    /** Creates the contract's topics that do not exist yet; returns how many it created. */
    public static int createAll(String bootstrap, int partitions) {
        return createAll(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), partitions);
    }

    /** As {@link #createAll(String, int)}, with the admin client's settings (a login on a secured broker). */
    public static int createAll(Map<String, Object> adminSettings, int partitions) {
        try (Admin admin = Admin.create(adminSettings)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = contract().stream().filter(n -> !existing.contains(n)).map(n -> new NewTopic(n, partitions, (short) 1)).toList();
            admin.createTopics(missing).all().get();
            return missing.size();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the topics: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
