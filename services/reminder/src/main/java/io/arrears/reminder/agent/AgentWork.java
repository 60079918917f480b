package io.arrears.reminder.agent;

import io.arrears.events.AgentCallLogged;
import io.arrears.events.Money;
import io.arrears.events.TimeOrderedIds;
import io.arrears.messaging.AccountLock;
import io.arrears.messaging.Outbox;
import io.arrears.reminder.cases.Actor;
import io.arrears.reminder.cases.AgentContact;
import io.arrears.reminder.cases.AgentContactRepository;
import io.arrears.reminder.cases.CaseNotFound;
import io.arrears.reminder.cases.CaseRepository;
import io.arrears.reminder.cases.CaseTimeline;
import io.arrears.reminder.cases.CollectionCase;
import io.arrears.reminder.cases.PromiseRepository;
import io.arrears.reminder.cases.PromiseToPay;
import io.arrears.reminder.cases.ReminderMetrics;
import io.arrears.reminder.cases.TimelineKind;
import io.arrears.reminder.config.ReminderConfig;
import io.arrears.reminder.lifecycle.CaseLifecycle;
import io.arrears.reminder.negotiation.PromisePolicy;
import io.arrears.reminder.schedule.StepKind;
import io.arrears.reminder.schedule.Treatment;
import io.arrears.reminder.strategy.TreatmentStrategy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What an agent records about a call: the outcome, and a promise to pay when one was made. */
@ApplicationScoped
public class AgentWork {

    private final CaseRepository cases;
    private final AgentContactRepository contacts;
    private final PromiseRepository promises;
    private final AccountLock lock;
    private final CaseLifecycle lifecycle;
    private final CaseTimeline timeline;
    private final Treatment treatment;
    private final TreatmentStrategy strategy;
    private final ReminderMetrics metrics;
    private final ReminderConfig config;
    private final Outbox outbox;

    AgentWork(CaseRepository cases, AgentContactRepository contacts, PromiseRepository promises, AccountLock lock,
              CaseLifecycle lifecycle, CaseTimeline timeline, Treatment treatment, TreatmentStrategy strategy, ReminderMetrics metrics,
              ReminderConfig config, Outbox outbox) {
        this.cases = cases;
        this.contacts = contacts;
        this.promises = promises;
        this.lock = lock;
        this.lifecycle = lifecycle;
        this.timeline = timeline;
        this.treatment = treatment;
        this.strategy = strategy;
        this.metrics = metrics;
        this.config = config;
        this.outbox = outbox;
    }

    public record ContactReport(AgentContact.Outcome outcome, String note, BigDecimal promisedAmount, LocalDate promisedDate) {
    }

    @Transactional
    public AgentContact recordContact(String caseId, ContactReport report, String agent) {
        CollectionCase c = lockedCase(caseId);
        c.requireOpen();
        Actor actor = Actor.agent(agent);
        AgentContact contact = new AgentContact();
        contact.caseId = c.id();
        contact.outcome = report.outcome();
        contact.note = report.note();
        contact.agent = agent;
        contact.at = treatment.now();
        if (report.outcome() == AgentContact.Outcome.PROMISE_TO_PAY) {
            contact.promiseId = promise(c, report, actor).id;
        }
        contacts.persist(contact);
        // The contact rules count an agent's calls with the automated ones; contact-channel keeps that count.
        outbox.add(new AgentCallLogged("CALL-" + contact.id, c.id(), c.accountId(), c.customerId(), report.outcome().reachedCardholder(),
                contact.at));
        c.agentTaskDone();
        timeline.record(c.id(), actor, TimelineKind.AGENT_CONTACT, report.outcome() + (report.note() == null ? "" : ": " + report.note()));
        lifecycle.refresh(c, actor);
        return contact;
    }

    private PromiseToPay promise(CollectionCase c, ContactReport report, Actor agent) {
        Money amount = new PromisePolicy(config.promises().maxDays())
                .check(report.promisedAmount(), report.promisedDate(), c.currency(), treatment.today());
        c.requirePromisePossible();
        promises.openFor(c.id()).ifPresent(previous -> lifecycle.settlePromise(c, previous, PromiseToPay.Status.SUPERSEDED, agent));
        PromiseToPay promise = new PromiseToPay();
        promise.id = "PTP-" + TimeOrderedIds.next();
        promise.caseId = c.id();
        promise.amount = amount.amount();
        promise.currency = c.currency();
        promise.promisedDate = report.promisedDate();
        promise.moveTo(PromiseToPay.Status.OPEN);
        promise.paid = BigDecimal.ZERO;
        promise.madeBy = agent.name();
        promise.madeAt = treatment.now();
        promises.persist(promise);
        promises.flush();
        treatment.remindBefore(c, StepKind.PROMISE_REMINDER, strategy.promiseReminder(), promise.promisedDate, promise.id);
        treatment.checkPromiseOn(c, promise.promisedDate, promise.id);
        timeline.record(c.id(), agent, TimelineKind.PROMISE, "promise " + promise.id + " to pay " + amount + " by " + promise.promisedDate);
        metrics.promise("made", c.arm());
        return promise;
    }

    CollectionCase openCase(String caseId) {
        CollectionCase found = cases.findById(caseId);
        if (found == null) {
            throw new CaseNotFound(caseId);
        }
        return found;
    }

    CollectionCase lockedCase(String caseId) {
        CollectionCase found = openCase(caseId);
        lock.acquire(found.accountId());
        cases.reread(found);
        return found;
    }
}
