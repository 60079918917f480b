package io.arrears.reminder.schedule;

import io.arrears.events.PaymentDueSoon;
import io.arrears.events.TemplateFacts;
import io.arrears.messaging.AccountLock;
import io.arrears.messaging.Outcome;
import io.arrears.reminder.cases.CaseRepository;
import io.arrears.reminder.cases.HoldRepository;
import io.arrears.reminder.strategy.StepChannel;
import io.arrears.reminder.strategy.TreatmentStrategy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Reminders before the due date, sent when the account service announces a minimum still unpaid a
 * few days ahead. No case exists yet: the ReminderRequested names {@code DUE-<statementId>} as its case.
 * The step ids derive from the statement, so a repeated announcement sends nothing twice.
 *
 * <p>A pre-due reminder is due as it is announced, so it is requested in the announcement's transaction, under its
 * account's lock, as the scheduler would request it a moment after that commits: its step is written once,
 * REQUESTED, where the scheduler would find it PENDING, read it back locked and write it again. What the scheduler
 * checks first is checked here: a statement already past due (a case open, or opened for this statement) has
 * the ladder speak for it, and the reminder is skipped.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PreDueReminders {

    /** Why a pre-due reminder does not go: arrears overtook it (PaymentDueSoon and PaymentMissed travel on different topics). */
    public static final String OVERTAKEN = "the statement went past due before this reminder could go; the ladder speaks for it";

    private final StepRepository steps;
    private final HoldRepository holds;
    private final AccountLock lock;
    private final Treatment treatment;
    private final TreatmentStrategy strategy;
    private final CaseRepository cases;
    private final StepRequests requests;

    PreDueReminders(StepRepository steps, HoldRepository holds, AccountLock lock, Treatment treatment, TreatmentStrategy strategy,
                    CaseRepository cases, StepRequests requests) {
        this.steps = steps;
        this.cases = cases;
        this.requests = requests;
        this.holds = holds;
        this.lock = lock;
        this.treatment = treatment;
        this.strategy = strategy;
    }

    /**
     * Before a transaction's PaymentDueSoon are applied one by one, under their accounts' locks: which accounts
     * no complaint holds, which have no case that overtakes their reminders, and which of their reminders do not
     * exist yet, one query each.
     */
    public void beforeDueSoon(List<PaymentDueSoon> announced) {
        if (announced.isEmpty()) {
            return;
        }
        List<String> accounts = announced.stream().map(PaymentDueSoon::accountId).distinct().toList();
        holds.noteAccountsNotHeld(accounts);
        cases.noteAccountsWithoutCaseFor(accounts, announced.stream().map(PaymentDueSoon::statementId).distinct().toList());
        steps.noteMissing(announced.stream().flatMap(due -> strategy.preDue().stream().map(preDue -> idOf(due, preDue))).distinct().toList());
    }

    public Outcome dueSoon(PaymentDueSoon due) {
        lock.acquire(due.accountId());
        boolean held = holds.isHeld(due.accountId());
        TemplateFacts facts = ReminderFacts.of(due);
        OffsetDateTime now = treatment.now();
        for (TreatmentStrategy.PreDueStep preDue : strategy.preDue()) {
            String id = idOf(due, preDue);
            if (steps.exists(id)) {
                continue;
            }
            ScheduledStep step = new ScheduledStep();
            step.id = id;
            step.accountId = due.accountId();
            step.kind = StepKind.PRE_DUE;
            step.channel = StepChannel.of(preDue.channel());
            step.templateId = preDue.templateId();
            step.reference = "DUE-" + due.statementId();
            step.triedChannels = preDue.channel().name();
            step.facts = ReminderFacts.write(facts);
            step.dueAt = now;
            step.moveTo(held ? StepStatus.SKIPPED : StepStatus.PENDING);
            step.statusReason = held ? "a complaint holds contact with this account" : null;
            step.createdAt = now;
            if (step.status == StepStatus.PENDING) {
                if (cases.openOrForStatement(due.accountId(), due.statementId())) {
                    step.moveTo(StepStatus.SKIPPED);
                    step.statusReason = OVERTAKEN;
                } else {
                    step.firedAt = now;
                    requests.request(step, null, facts);
                }
            }
            steps.add(step);
        }
        return Outcome.applied();
    }

    /** Derived from the statement, so a repeated announcement finds its reminders made. */
    private static String idOf(PaymentDueSoon due, TreatmentStrategy.PreDueStep preDue) {
        return "DUE-" + due.statementId() + "-" + preDue.channel();
    }
}
