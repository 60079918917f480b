package io.arrears.messaging;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;

/** Forgets processed event ids after the retention period so the inbox does not grow forever. */
@ApplicationScoped
public class InboxJanitor {

    private final EntityManager entityManager;
    private final MessagingConfig config;
    private final Clock clock;

    public InboxJanitor(EntityManager entityManager, MessagingConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${arrears.messaging.inbox.cleanup-every:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        forgetExpired();
    }

    @Transactional
    public int forgetExpired() {
        return entityManager.createNativeQuery("delete from inbox where received_at < ?1")
                .setParameter(1, OffsetDateTime.now(clock).minus(config.inbox().retention()))
                .executeUpdate();
    }
}
