package io.arrears.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How many records a consumer group still has to take from some topics: the broker's end offsets less
 * the offsets the group committed. Our consumers commit only after their transaction (and contact-channel
 * only once its sends are answered), so this counts work received and not yet done, read from Kafka
 * alone; no service is asked.
 *
 * <p>Empty when it cannot be known: the group has committed nothing on those topics (it does not exist,
 * or has not started), or the broker did not answer within {@link #TIMEOUT}. A caller pacing itself on
 * this must then go on, not wait: the reading is an aid, never a gate a broken broker could shut.
 */
@ApplicationScoped
public class ConsumerLag {

    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** After a reading fails, how long every reading is empty without asking: a broker that is away costs one timeout, not one per call. */
    static final Duration QUIET_AFTER_FAILURE = Duration.ofSeconds(10);

    private final Map<String, Object> kafkaConfig;
    /** A topic's partitions change only when an operator adds some: they are asked for again after this. */
    static final Duration PARTITIONS_KEPT = Duration.ofMinutes(1);

    private Admin admin;
    private long failedAt = Long.MIN_VALUE;
    private final Map<Collection<String>, List<TopicPartition>> partitions = new HashMap<>();
    private final Map<Collection<String>, Long> partitionsAt = new HashMap<>();

    public ConsumerLag(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.kafkaConfig = kafkaConfig;
    }

    /**
     * Where a group stands on some topics, summed over their partitions: {@code behind}, the records it has not
     * yet committed past; {@code taken}, the offsets it has committed, whose growth between two readings is the
     * pace at which it gets through them.
     */
    public record Progress(long behind, long taken) {
    }

    /** Records of {@code topics} that {@code group} has not yet committed past, summed over their partitions. */
    public OptionalLong behind(String group, Collection<String> topics) {
        return progress(group, topics).map(p -> OptionalLong.of(p.behind())).orElse(OptionalLong.empty());
    }

    /** Where {@code group} stands on {@code topics}; empty when it cannot be known (see the class comment). */
    public Optional<Progress> progress(String group, Collection<String> topics) {
        return progressByTopic(group, topics).map(byTopic -> new Progress(
                byTopic.values().stream().mapToLong(Progress::behind).sum(), byTopic.values().stream().mapToLong(Progress::taken).sum()));
    }

    /**
     * Where {@code group} stands on each of {@code topics}, read in one round trip; empty when it cannot be known.
     * Topics whose events cost their consumer different work go at different paces, and a pace read over them
     * together is the pace of whichever came last.
     */
    public synchronized Optional<Map<String, Progress>> progressByTopic(String group, Collection<String> topics) {
        if (failedAt != Long.MIN_VALUE && System.nanoTime() - failedAt < QUIET_AFTER_FAILURE.toNanos()) {
            return Optional.empty();
        }
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, Long> done = new HashMap<>();
            committed.forEach((partition, offset) -> {
                if (offset != null && topics.contains(partition.topic())) {
                    done.put(partition, offset.offset());
                }
            });
            if (done.isEmpty()) {
                return Optional.empty();
            }
            List<TopicPartition> partitions = partitions(topics);
            Map<TopicPartition, OffsetSpec> notYet = new HashMap<>();
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            for (TopicPartition partition : partitions) {
                ends.put(partition, OffsetSpec.latest());
                if (!done.containsKey(partition)) {
                    notYet.put(partition, OffsetSpec.earliest());
                }
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = offsets(ends);
            // A partition the group has never committed on is read from its start (auto.offset.reset=earliest).
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> start = notYet.isEmpty() ? Map.of() : offsets(notYet);
            Map<String, Progress> byTopic = new LinkedHashMap<>();
            topics.forEach(topic -> byTopic.put(topic, new Progress(0, 0)));
            for (TopicPartition partition : partitions) {
                long from = done.containsKey(partition) ? done.get(partition) : start.get(partition).offset();
                long behind = Math.max(0, end.get(partition).offset() - from);
                byTopic.merge(partition.topic(), new Progress(behind, from), (a, b) -> new Progress(a.behind() + b.behind(), a.taken() + b.taken()));
            }
            return Optional.of(byTopic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warnf("the lag of %s on %s could not be read (asked again in %s): %s", group, topics, QUIET_AFTER_FAILURE, e);
            // A client that timed out may be stuck on a broker that has gone; the next reading starts afresh.
            close();
            failedAt = System.nanoTime();
            return Optional.empty();
        }
    }

    private List<TopicPartition> partitions(Collection<String> topics) throws ExecutionException, InterruptedException, TimeoutException {
        Long at = partitionsAt.get(topics);
        if (at != null && System.nanoTime() - at < PARTITIONS_KEPT.toNanos()) {
            return partitions.get(topics);
        }
        List<TopicPartition> found = describe(topics);
        partitions.put(topics, found);
        partitionsAt.put(topics, System.nanoTime());
        return found;
    }

    private List<TopicPartition> describe(Collection<String> topics) throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, TopicDescription> described = admin().describeTopics(topics).allTopicNames()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return described.values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .toList();
    }

    private Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets(Map<TopicPartition, OffsetSpec> wanted)
            throws ExecutionException, InterruptedException, TimeoutException {
        return admin().listOffsets(wanted).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Admin admin() {
        if (admin == null) {
            Map<String, Object> settings = new HashMap<>();
            kafkaConfig.forEach((key, value) -> {
                if (AdminClientConfig.configNames().contains(key)) {
                    settings.put(key, value);
                }
            });
            settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "consumer-lag");
            settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
            settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
            admin = Admin.create(settings);
        }
        return admin;
    }

    @PreDestroy
    public synchronized void close() {
        if (admin != null) {
            try {
                admin.close(Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                LOG.debug("closing the lag reader", e);
            }
            admin = null;
        }
        partitions.clear();
        partitionsAt.clear();
    }
}
