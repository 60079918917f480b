package io.arrears.account.endofday;

import io.arrears.account.delinquency.AccountLoader;
import io.arrears.account.delinquency.AccountEvents;
import io.arrears.account.delinquency.Delinquencies;
import io.arrears.account.delinquency.LoadedAccount;
import io.arrears.account.config.AccountConfig;
import io.arrears.account.domain.Ageing;
import io.arrears.account.domain.Review;
import io.arrears.account.ledger.Account;
import io.arrears.account.ledger.AccountRepository;
import io.arrears.account.calendar.BusinessDay;
import io.arrears.account.calendar.BusinessDayRepository;
import io.arrears.account.ledger.AccountPlan;
import io.arrears.events.PlanBroken;
import io.arrears.messaging.TransientFailures;
import io.arrears.messaging.WorkInFlight;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.IntStream;

/**
 * Ages accounts for each closed business day, oldest day first, visiting only the accounts whose
 * next-review date has come. Each chunk of accounts is its own transaction, and a day is marked aged
 * only when none is left, so a crash part-way resumes where it stopped.
 *
 * <p>Several workers, and every replica, review a day's chunks at once: each chunk locks its accounts and
 * passes over those another holds, so no account is reviewed twice. On a statement day one worker left
 * the service waiting on the database for much of each chunk. Chunks hold a shared advisory lock and
 * marking the day aged takes it exclusively, so the day is marked only once no chunk is in flight.
 *
 * <p>Payments and statements keep arriving while a day is aged. Chunks pass over the accounts they
 * are being applied to, then wait for the few left, so the run and the consumers never stand in each
 * other's way for long; a lock conflict that still happens is retried, not left to the next catch-up.
 *
 * <p>Each chunk waits until the services downstream have room for its announcements ({@link AnnouncementPace}).
 */
@ApplicationScoped
public class EndOfDay {

    private static final Logger LOG = Logger.getLogger(EndOfDay.class);
    private static final long AGEING_LOCK = 0x6167656163636f75L;
    private static final int CONFLICT_ATTEMPTS = 5;
    private static final Duration CONFLICT_PAUSE = Duration.ofMillis(200);

    private final AccountRepository accounts;
    private final BusinessDayRepository days;
    private final AccountLoader loader;
    private final AccountEvents events;
    private final Ageing ageing;
    private final AccountConfig config;
    private final EntityManager entityManager;
    private final Clock clock;
    private final WorkInFlight work;
    private final AnnouncementPace pace;
    private final Timer dayTimer;
    private final io.micrometer.core.instrument.Counter parked;
    private final ReentrantLock running = new ReentrantLock();
    private final ExecutorService workers;

    EndOfDay(AccountRepository accounts, BusinessDayRepository days, AccountLoader loader, AccountEvents events, Ageing ageing,
             AccountConfig config, EntityManager entityManager, Clock clock, MeterRegistry registry, WorkInFlight work,
             AnnouncementPace pace) {
        this.accounts = accounts;
        this.pace = pace;
        this.work = work;
        this.days = days;
        this.loader = loader;
        this.events = events;
        this.ageing = ageing;
        this.config = config;
        this.entityManager = entityManager;
        this.clock = clock;
        this.dayTimer = Timer.builder("arrears.account.ageing.day").description("time to age one business day").register(registry);
        this.parked = registry.counter("arrears.account.ageing.parked");
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(config.ageing().workers(), r -> {
            Thread t = new Thread(r, "ageing-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    void onStart(@Observes StartupEvent event) {
        Thread thread = new Thread(this::catchUpIfIdle, "ageing-catch-up");
        thread.setDaemon(true);
        thread.start();
    }

    @Scheduled(every = "${account.ageing.catch-up-every:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledCatchUp() {
        catchUpIfIdle();
    }

    /** A safety net after a crash or a failed run: ages what is left unless a run is going on here. */
    void catchUpIfIdle() {
        if (running.tryLock()) {
            try {
                ageClosedDays();
            } finally {
                running.unlock();
            }
        }
    }

    /** Ages every closed day not yet aged, after any run already going on here. */
    public void catchUp() {
        running.lock();
        try {
            ageClosedDays();
        } finally {
            running.unlock();
        }
    }

    private void ageClosedDays() {
        try {
            TransientFailures.retrying(this::ageEachClosedDay, CONFLICT_ATTEMPTS, CONFLICT_PAUSE, CONFLICT_PAUSE.multipliedBy(8), () -> false);
        } catch (WorkInFlight.Stopping stopping) {
            LOG.info(stopping.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("ageing stopped; it resumes on the next catch-up", e);
        }
    }

    private void ageEachClosedDay() {
        Optional<LocalDate> day;
        while ((day = QuarkusTransaction.requiringNew().call(days::oldestNotAged)).isPresent()) {
            LocalDate date = day.get();
            Timer.Sample sample = Timer.start();
            int reviewed = reviewByAllWorkers(date) + reviewAll(date, false);
            if (QuarkusTransaction.requiringNew().call(() -> markAged(date))) {
                sample.stop(dayTimer);
                LOG.infof("aged business day %s: %d accounts reviewed", date, reviewed);
            }
        }
    }

    /** Every worker reviews chunks until none is left that another is not holding; the first failure is rethrown. */
    private int reviewByAllWorkers(LocalDate date) {
        List<Future<Integer>> running = IntStream.range(0, config.ageing().workers())
                .mapToObj(i -> workers.submit(() -> reviewAll(date, true))).toList();
        int reviewed = 0;
        RuntimeException failure = null;
        for (Future<Integer> worker : running) {
            try {
                reviewed += worker.get();
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.forEach(w -> w.cancel(true));
                throw new IllegalStateException("interrupted while ageing " + date, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return reviewed;
    }

    private int reviewAll(LocalDate date, boolean passOverLocked) {
        int reviewed = 0;
        int chunk;
        do {
            pace.awaitRoom();
            // A stop lets the chunk under way commit and starts no other; the day is marked aged only once every
            // account is reviewed, so the restarted service's catch-up ages the rest.
            if (!work.enter()) {
                throw new WorkInFlight.Stopping("ageing for business day " + date + " goes on after the restart");
            }
            try {
                chunk = QuarkusTransaction.requiringNew().call(() -> reviewChunk(date, passOverLocked));
            } catch (RuntimeException e) {
                if (TransientFailures.isTransient(e)) {
                    throw e;
                }
                LOG.warnf("a chunk of business day %s failed (%s); reviewing its accounts one by one", date, e.toString());
                chunk = reviewOneByOne(date);
            } finally {
                work.leave();
            }
            reviewed += chunk;
        } while (chunk > 0);
        return reviewed;
    }

    /** One account at a time, so that the one that fails is parked and the others are aged. */
    private int reviewOneByOne(LocalDate date) {
        List<String> ids = QuarkusTransaction.requiringNew().call(() -> accounts.idsDueForReview(date, config.ageing().chunkSize()));
        for (String id : ids) {
            try {
                QuarkusTransaction.requiringNew().run(() -> reviewOne(id, date));
            } catch (RuntimeException e) {
                if (TransientFailures.isTransient(e)) {
                    throw e;
                }
                String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
                if (QuarkusTransaction.requiringNew().call(() -> accounts.parkFromAgeing(id, date, reason))) {
                    LOG.errorf(e, "account %s cannot be aged for business day %s; parked in ageing_parked", id, date);
                    parked.increment();
                }
            }
        }
        return ids.size();
    }

    private void reviewOne(String id, LocalDate date) {
        lock();
        List<Account> due = accounts.lockOneDueForReview(id, date);
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (LoadedAccount loaded : loader.loadAll(due)) {
            review(loaded, date, now);
        }
    }

    private int reviewChunk(LocalDate date, boolean passOverLocked) {
        lock();
        List<Account> due = accounts.lockDueForReview(date, config.ageing().chunkSize(), passOverLocked);
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (LoadedAccount loaded : loader.loadAll(due)) {
            review(loaded, date, now);
        }
        return due.size();
    }

    private boolean markAged(LocalDate date) {
        lockExclusively();
        if (accounts.countDueForReview(date) > 0) {
            return false;
        }
        BusinessDay day = days.findById(date);
        day.agedAt = OffsetDateTime.now(clock);
        return true;
    }

    private void review(LoadedAccount loaded, LocalDate date, OffsetDateTime now) {
        Account account = loaded.account();
        Review review = ageing.review(loaded.state(), date);
        loaded.writeBack(review.statements());
        review.dueSoon().forEach(statementId -> events.paymentDueSoon(loaded, statementId));
        String planId = loaded.plan().map(p -> p.id).orElse(null);
        review.brokenInstalment().ifPresent(missed -> {
            AccountPlan plan = loaded.plan().orElseThrow();
            plan.moveTo(AccountPlan.Status.BROKEN);
            plan.endedOn = date;
            events.publish(new PlanBroken(plan.id, account.id, missed.dueDate(), missed.outstanding().amount(), account.currency));
        });
        review.missed().ifPresent(missed -> events.paymentMissed(loaded, missed.delinquency(), missed.reason(),
                review.brokenInstalment().isPresent() ? planId : null));
        boolean inPlan = loaded.plan().isPresent() && review.brokenInstalment().isEmpty();
        Delinquencies.record(account, review.delinquency(), inPlan, review.reportedBucket(), date, review.nextReview(), ageing, now);
    }

    private void lock() {
        entityManager.createNativeQuery("select pg_advisory_xact_lock_shared(?1)").setParameter(1, AGEING_LOCK).getSingleResult();
    }

    private void lockExclusively() {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, AGEING_LOCK).getSingleResult();
    }
}
