package io.arrears.contact.rest;

import io.arrears.contact.config.ContactConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Remembers the provider callbacks taken, by signature, for as long as their signature would still be
 * accepted: the same signed callback sent again is refused. Insert-first, so two copies racing each
 * other cannot both pass.
 */
@ApplicationScoped
public class CallbackReplays {

    private final EntityManager entityManager;
    private final Duration window;
    private final Clock clock;

    CallbackReplays(EntityManager entityManager, ContactConfig config) {
        this.entityManager = entityManager;
        this.window = config.callbackWindow();
        this.clock = Clock.systemUTC();
    }

    /** Whether this is the first time the callback arrived; it is remembered from now on. */
    public boolean firstSight(CallbackSignature.Signed signed) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "insert into callback_seen (mac, signed_at, seen_at) values (?1, ?2, ?3) on conflict (mac) do nothing")
                .setParameter(1, signed.mac())
                .setParameter(2, signed.signedAt().atOffset(ZoneOffset.UTC))
                .setParameter(3, OffsetDateTime.now(clock))
                .executeUpdate() == 1);
    }

    /** A callback that could not be used yet (a report on a message not recorded yet): the provider may send it again. */
    public void forget(CallbackSignature.Signed signed) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("delete from callback_seen where mac = ?1")
                .setParameter(1, signed.mac()).executeUpdate());
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("delete from callback_seen where signed_at < ?1")
                .setParameter(1, OffsetDateTime.now(clock).minus(window.multipliedBy(2))).executeUpdate());
    }
}
