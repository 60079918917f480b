package io.arrears.account.endofday;

import io.arrears.account.config.AccountConfig;
import io.arrears.messaging.ConsumerLag;
import io.arrears.messaging.OutboxQueue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Holds the end-of-day run's next chunk while the services downstream have more of its announcements to
 * act on than {@code account.ageing.pace.downstream.<group>.max-behind}, or than they get through in
 * {@code account.ageing.pace.queue-time}; see {@link BacklogRule} for why.
 * Their backlog is read from Kafka ({@link ConsumerLag}), so the run needs nothing from them but their
 * consumer group's name; the announcements still in our outbox count too, as the next chunk's check may
 * come before the relay has put the last chunk's on Kafka.
 */
@ApplicationScoped
class AnnouncementPace {

    private static final Logger LOG = Logger.getLogger(AnnouncementPace.class);

    private final AccountConfig.Pace config;
    private final ConsumerLag lag;
    private final OutboxQueue outbox;
    private final Clock clock;
    private final BacklogRule rule;
    private final Timer held;
    private final Counter stalls;

    AnnouncementPace(AccountConfig config, ConsumerLag lag, OutboxQueue outbox, Clock clock, MeterRegistry registry) {
        this.config = config.ageing().pace();
        this.lag = lag;
        this.outbox = outbox;
        this.clock = clock;
        Map<String, Long> limits = new LinkedHashMap<>();
        this.config.downstream().forEach((group, downstream) -> limits.put(group, downstream.maxBehind()));
        this.rule = new BacklogRule(limits, this.config.queueTime(), this.config.stall());
        this.held = Timer.builder("arrears.account.ageing.paced")
                .description("time the end-of-day run waited for the services downstream to catch up").register(registry);
        this.stalls = registry.counter("arrears.account.ageing.pace.stalls");
    }

    /** Returns once the next chunk may be announced; several workers wait here one at a time. */
    synchronized void awaitRoom() {
        if (config.downstream().isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        boolean waited = false;
        try {
            while (true) {
                Map<String, Optional<Map<String, BacklogRule.Backlog>>> behind = readings();
                BacklogRule.Verdict verdict = rule.judge(behind, clock.instant());
                if (verdict == BacklogRule.Verdict.GO) {
                    if (waited) {
                        LOG.debugf("went on after %d ms: %s", (System.nanoTime() - start) / 1_000_000, rule.queuedFor(behind));
                    }
                    return;
                }
                if (!waited) {
                    LOG.debugf("waiting: %s", rule.queuedFor(behind));
                    waited = true;
                }
                if (verdict == BacklogRule.Verdict.STALLED) {
                    stalls.increment();
                    LOG.warnf("the services downstream made no headway for %s; the end-of-day run goes on without waiting for them",
                            config.stall());
                    return;
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(config.checkEvery().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the services downstream", e);
                }
            }
        } finally {
            held.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /** Each group's backlog on each of its topics: what it has still to take from Kafka, and what is yet to leave our outbox for it. */
    private Map<String, Optional<Map<String, BacklogRule.Backlog>>> readings() {
        Map<String, Optional<Map<String, BacklogRule.Backlog>>> behind = new LinkedHashMap<>();
        config.downstream().forEach((group, downstream) ->
                behind.put(group, lag.progressByTopic(group, downstream.topics()).flatMap(this::plusWaiting)));
        return behind;
    }

    /** Unknown if the outbox cannot be counted: the chunk that follows meets the database's trouble on its usual path. */
    private Optional<Map<String, BacklogRule.Backlog>> plusWaiting(Map<String, ConsumerLag.Progress> progress) {
        Map<String, Long> waiting;
        try {
            waiting = outbox.waiting(progress.keySet());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        Map<String, BacklogRule.Backlog> backlog = new LinkedHashMap<>();
        progress.forEach((topic, p) -> backlog.put(topic, new BacklogRule.Backlog(p.behind() + waiting.getOrDefault(topic, 0L), p.taken())));
        return Optional.of(backlog);
    }
}
