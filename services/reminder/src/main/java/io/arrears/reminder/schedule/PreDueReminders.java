package io.arrears.reminder.schedule;

import io.arrears.events.PaymentDueSoon;
import io.arrears.events.TemplateFacts;
import io.arrears.messaging.AccountLock;
import io.arrears.messaging.Outcome;
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
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PreDueReminders {

    private final StepRepository steps;
    private final HoldRepository holds;
    private final AccountLock lock;
    private final Treatment treatment;
    private final TreatmentStrategy strategy;

    PreDueReminders(StepRepository steps, HoldRepository holds, AccountLock lock, Treatment treatment, TreatmentStrategy strategy) {
        this.steps = steps;
        this.holds = holds;
        this.lock = lock;
        this.treatment = treatment;
        this.strategy = strategy;
    }

    /**
     * Before a transaction's PaymentDueSoon are applied one by one, under their accounts' locks: which accounts
     * no complaint holds and which of their reminders do not exist yet, one query each.
     */
    public void beforeDueSoon(List<PaymentDueSoon> announced) {
        if (announced.isEmpty()) {
            return;
        }
        holds.noteAccountsNotHeld(announced.stream().map(PaymentDueSoon::accountId).distinct().toList());
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
            steps.add(step);
        }
        return Outcome.applied();
    }

    /** Derived from the statement, so a repeated announcement finds its reminders made. */
    private static String idOf(PaymentDueSoon due, TreatmentStrategy.PreDueStep preDue) {
        return "DUE-" + due.statementId() + "-" + preDue.channel();
    }
}
