package io.arrears.reminder.schedule;

import io.arrears.events.Channel;
import io.arrears.events.TimeOrderedIds;
import io.arrears.reminder.cases.Actor;
import io.arrears.reminder.cases.BucketHistory;
import io.arrears.reminder.cases.CaseTimeline;
import io.arrears.reminder.cases.CollectionCase;
import io.arrears.reminder.cases.TimelineKind;
import io.arrears.reminder.config.ReminderConfig;
import io.arrears.reminder.strategy.LadderEntry;
import io.arrears.reminder.strategy.Reminder;
import io.arrears.reminder.strategy.StepChannel;
import io.arrears.reminder.strategy.TreatmentStrategy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Puts a case's steps on the calendar, and pauses, resumes or cancels them as the case changes. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Treatment {

    private final StepRepository steps;
    private final TreatmentStrategy strategy;
    private final CaseTimeline timeline;
    private final ReminderConfig config;
    private final Clock clock;
    private final BucketHistory buckets;
    private final StepRequests requests;

    Treatment(StepRepository steps, TreatmentStrategy strategy, CaseTimeline timeline, ReminderConfig config, Clock clock,
              BucketHistory buckets, StepRequests requests) {
        this.steps = steps;
        this.requests = requests;
        this.buckets = buckets;
        this.strategy = strategy;
        this.timeline = timeline;
        this.config = config;
        this.clock = clock;
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(config.schedule().zone()));
    }

    /** The moment a step dated {@code date} falls due: the configured send time that day, or now if that has passed. */
    public OffsetDateTime dueAt(LocalDate date) {
        OffsetDateTime at = date.atTime(config.schedule().sendAt()).atZone(config.schedule().zone()).toOffsetDateTime();
        OffsetDateTime now = now();
        return at.isBefore(now) ? now : at;
    }

    /**
     * Schedules the ladder of the case's bucket from where the case stands today, replacing whatever
     * is left of the ladder it was on.
     */
    public void enterBucket(CollectionCase c, Actor actor) {
        cancel(c, s -> s.kind == StepKind.LADDER, StepStatus.SKIPPED, "the case entered bucket " + c.bucket());
        lineUpLadder(c, actor, lined -> { });
        align(c);
    }

    /**
     * The ladder of a case opened in this transaction: it has no steps but the ones lined up here, so
     * nothing is read back to cancel or align (a statement day opens thousands of cases at once).
     *
     * <p>With {@code requestDueNow}, a reminder due now is requested here, as the scheduler would request it a moment
     * after this transaction commits: each such step is then written once, REQUESTED, where the scheduler would find it
     * PENDING, read it back locked with its case and write it again. The caller asks for it only where nothing
     * else this transaction applies can change the case (no payment kept for it that arrived first). Agent calls and
     * escalations, and any step of a case that opens paused, wait for the scheduler.
     *
     * <p>{@code addCase} runs once the case's state and ladder are set, before its steps are written: the case is then
     * inserted as it stands, ahead of the steps that name it, instead of bare and updated in the same flush.
     */
    public void enterFirstBucket(CollectionCase c, Actor actor, boolean requestDueNow, Runnable addCase) {
        lineUpLadder(c, actor, lined -> {
            // Read after the steps were dated: a step due now was given the moment dueAt() read, not an earlier one.
            OffsetDateTime now = now();
            for (ScheduledStep step : lined) {
                if (step.status == StepStatus.PENDING && !step.kind.activeIn(c.state())) {
                    step.moveTo(StepStatus.SUSPENDED);
                    step.statusReason = "case " + c.state();
                } else if (requestDueNow && step.status == StepStatus.PENDING && !step.dueAt.isAfter(now)
                        && step.channel.contactChannel().isPresent()) {
                    step.firedAt = now;
                    requests.request(step, c, ReminderFacts.of(c));
                }
            }
            addCase.run();
        });
    }

    /** {@code beforeWritten} sees the steps after the ladder is on the case's timeline and before they are written. */
    private void lineUpLadder(CollectionCase c, Actor actor, Consumer<List<ScheduledStep>> beforeWritten) {
        List<LadderEntry.Planned> planned = LadderEntry.plan(strategy.ladder(c.arm(), c.segment(), c.bucket()), c.dayOne(), today());
        List<ScheduledStep> lined = new ArrayList<>(planned.size());
        for (LadderEntry.Planned p : planned) {
            ScheduledStep step = newStep(c, StepKind.LADDER, p.step().channel(), p.step().templateId(), dueAt(p.dueOn()));
            step.bucket = c.bucket();
            step.ladderDay = p.step().day();
            lined.add(step);
        }
        c.enterLadderOfBucket();
        buckets.entered(c.id(), c.bucket(), now());
        timeline.record(c.id(), actor, TimelineKind.LADDER, "bucket " + c.bucket() + ", segment " + c.segment() + ", arm " + c.arm() + ": "
                + (planned.isEmpty() ? "no steps left" : planned.stream()
                .map(p -> "day " + p.step().day() + " " + p.step().channel() + " on " + p.dueOn()).collect(Collectors.joining(", "))));
        beforeWritten.accept(lined);
        lined.forEach(steps::persist);
    }

    /**
     * After the segment changed, the rest of the bucket's ladder follows the new segment: steps still to
     * come are replaced, nothing already due is repeated.
     */
    public void followSegment(CollectionCase c, Actor actor) {
        if (c.ladderBucket() == null) {
            return;
        }
        LocalDate today = today();
        int ladderDay = c.ladderDay(today);
        cancel(c, s -> s.kind == StepKind.LADDER && s.fallbackOf == null && s.ladderDay != null && s.ladderDay > ladderDay,
                StepStatus.SKIPPED, "the case moved to segment " + c.segment());
        for (var step : strategy.ladder(c.arm(), c.segment(), c.ladderBucket())) {
            if (step.day() > ladderDay) {
                ScheduledStep s = newStep(c, StepKind.LADDER, step.channel(), step.templateId(), dueAt(c.dayOne().plusDays(step.day() - 1L)));
                s.bucket = c.ladderBucket();
                s.ladderDay = step.day();
                steps.persist(s);
            }
        }
        timeline.record(c.id(), actor, TimelineKind.LADDER, "segment " + c.segment() + ": the rest of bucket " + c.ladderBucket() + " follows its ladder");
        align(c);
    }

    /**
     * Suspends the steps the case's state does not allow, and resumes the ones it does. A resumed step
     * whose time passed while it was suspended is skipped, except the latest of its kind, which is due
     * now: resuming continues from today instead of sending every missed notice at once.
     */
    public void align(CollectionCase c) {
        OffsetDateTime now = now();
        List<ScheduledStep> resumed = new ArrayList<>();
        for (ScheduledStep step : steps.open(c.id())) {
            boolean active = step.kind.activeIn(c.state());
            if (step.status == StepStatus.PENDING && !active) {
                step.moveTo(StepStatus.SUSPENDED);
                step.statusReason = "case " + c.state();
            } else if (step.status == StepStatus.SUSPENDED && active) {
                resumed.add(step);
            }
        }
        for (StepKind kind : StepKind.values()) {
            List<ScheduledStep> missed = resumed.stream().filter(s -> s.kind == kind && s.dueAt.isBefore(now)).toList();
            OffsetDateTime latest = missed.stream().map(s -> s.dueAt).max(Comparator.naturalOrder()).orElse(null);
            for (ScheduledStep step : missed) {
                if (step.dueAt.equals(latest) || kind == StepKind.PROMISE_CHECK) {
                    step.dueAt = now;
                    step.moveTo(StepStatus.PENDING);
                    step.statusReason = null;
                } else {
                    step.moveTo(StepStatus.SKIPPED);
                    step.statusReason = "fell due while contact was paused";
                }
            }
        }
        resumed.stream().filter(s -> s.status == StepStatus.SUSPENDED).forEach(s -> {
            s.moveTo(StepStatus.PENDING);
            s.statusReason = null;
        });
    }

    public int cancel(CollectionCase c, Predicate<ScheduledStep> which, StepStatus status, String reason) {
        int cancelled = 0;
        for (ScheduledStep step : steps.open(c.id())) {
            if (which.test(step)) {
                step.moveTo(status);
                step.statusReason = reason;
                cancelled++;
            }
        }
        return cancelled;
    }

    public void cancelAll(CollectionCase c, String reason) {
        cancel(c, s -> true, StepStatus.CANCELLED, reason);
    }

    /** A courtesy reminder {@code reminder.daysBefore()} before {@code date}, if that is still ahead. */
    public void remindBefore(CollectionCase c, StepKind kind, Reminder reminder, LocalDate date, String reference) {
        LocalDate on = date.minusDays(reminder.daysBefore());
        if (on.isBefore(today())) {
            return;
        }
        ScheduledStep step = newStep(c, kind, StepChannel.of(reminder.channel()), reminder.templateId(), dueAt(on));
        step.reference = reference;
        steps.persist(step);
    }

    /** Judges a promise at the start of the day after its date, once that day's payments can have arrived. */
    public void checkPromiseOn(CollectionCase c, LocalDate date, String promiseId) {
        ScheduledStep step = newStep(c, StepKind.PROMISE_CHECK, null, null,
                date.plusDays(1).atTime(config.schedule().sendAt()).atZone(config.schedule().zone()).toOffsetDateTime());
        step.reference = promiseId;
        steps.persist(step);
    }

    /**
     * Another channel for a notice that could not be delivered: the first of the fallback order that
     * neither this reminder nor any other step of the same notice has used.
     */
    public Optional<ScheduledStep> fallback(ScheduledStep failed, CollectionCase c) {
        Set<Channel> used = steps.sameNotice(failed).stream()
                .map(s -> s.channel == null ? null : s.channel.contactChannel().orElse(null))
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        Optional<Channel> next = strategy.fallbackAfter(failed.tried(), used);
        if (next.isEmpty()) {
            return Optional.empty();
        }
        ScheduledStep step = new ScheduledStep();
        step.id = TimeOrderedIds.next();
        step.caseId = failed.caseId;
        step.accountId = failed.accountId;
        step.kind = failed.kind;
        step.channel = StepChannel.of(next.get());
        step.templateId = failed.templateId;
        step.bucket = failed.bucket;
        step.ladderDay = failed.ladderDay;
        step.reference = failed.reference;
        step.facts = failed.kind == StepKind.PRE_DUE ? failed.facts : null;
        step.fallbackOf = failed.id;
        List<Channel> tried = new ArrayList<>(failed.tried());
        tried.add(next.get());
        step.triedChannels = tried.stream().map(Enum::name).collect(Collectors.joining(","));
        step.dueAt = now();
        step.moveTo(c == null || step.kind.activeIn(c.state()) ? StepStatus.PENDING : StepStatus.SUSPENDED);
        step.createdAt = now();
        steps.persist(step);
        return Optional.of(step);
    }

    private ScheduledStep newStep(CollectionCase c, StepKind kind, StepChannel channel, String templateId, OffsetDateTime dueAt) {
        ScheduledStep step = new ScheduledStep();
        step.id = TimeOrderedIds.next();
        step.caseId = c.id();
        step.accountId = c.accountId();
        step.kind = kind;
        step.channel = channel;
        step.templateId = templateId;
        step.dueAt = dueAt;
        step.moveTo(kind.activeIn(c.state()) ? StepStatus.PENDING : StepStatus.SUSPENDED);
        step.triedChannels = channel == null ? null : channel.contactChannel().map(Enum::name).orElse(null);
        step.createdAt = now();
        return step;
    }
}
