package io.arrears.contact.dispatch;

import io.arrears.contact.config.ContactConfig;
import io.arrears.contact.customer.CustomerDirectory;
import io.arrears.events.Channel;
import io.arrears.events.EventJson;
import io.arrears.events.PlanAgreed;
import io.arrears.events.ReminderRequested;
import io.arrears.events.TemplateFacts;
import io.arrears.messaging.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns requests into attempts. Nothing is sent here: the attempt row, keyed by the reminder id, is
 * the promise to send exactly once, and a repeated request finds it already there. Where the consumer
 * sends promptly ({@link PromptSends}), an attempt due now is judged in the transaction that makes it,
 * and goes to the provider as that transaction commits instead of at the next poll.
 */
@ApplicationScoped
public class ContactRequests {

    static final String PLAN_CONFIRMATION = "plan-confirmation";

    private final AttemptRepository attempts;
    private final CustomerDirectory directory;
    private final ContactConfig config;
    private final Clock clock;
    private final ContactGate gate;
    private final PromptSends promptSends;

    ContactRequests(AttemptRepository attempts, CustomerDirectory directory, ContactConfig config, Clock clock, ContactGate gate,
                    PromptSends promptSends) {
        this.gate = gate;
        this.promptSends = promptSends;
        this.attempts = attempts;
        this.directory = directory;
        this.config = config;
        this.clock = clock;
    }

    /**
     * A consumed batch of requests: which are known already is asked in one query, and the new attempts
     * are inserted together when the batch's transaction flushes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reminderRequestedAll(List<ReminderRequested> requests) {
        Set<String> known = new HashSet<>(attempts.existingIds(requests.stream().map(ReminderRequested::reminderId).distinct().toList()));
        OffsetDateTime now = now();
        List<ContactAttempt> opened = new ArrayList<>();
        for (ReminderRequested request : requests) {
            if (known.add(request.reminderId())) {
                opened.add(open(request, now));
            }
        }
        if (promptSends.taken()) {
            // Judged before they are written, so each goes to the database once, in the status the guard gave it.
            promptSends.afterCommit(gate.prepareNew(opened.stream().filter(a -> !a.nextAttemptAt.isAfter(now)).toList()));
        }
        opened.forEach(attempts::persist);
    }

    /**
     * One request on its own: after its batch failed, or replayed from the dead letters. Its attempt waits PENDING
     * for the poll, never judged here, so an attempt that cannot be judged is retried by the poll as any other
     * is, and never takes its request to the dead letters.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome reminderRequested(ReminderRequested request) {
        if (attempts.existingIds(List.of(request.reminderId())).isEmpty()) {
            attempts.persist(open(request, now()));
        }
        return Outcome.applied();
    }

    private ContactAttempt open(ReminderRequested request, OffsetDateTime now) {
        OffsetDateTime notBefore = request.notBefore() != null && request.notBefore().isAfter(now) ? request.notBefore() : now;
        return attempt(request.reminderId(), request.caseId(), request.accountId(), request.customerId(), request.channel(),
                request.templateId(), request.language(), asText(request.facts()), notBefore);
    }

    /** The facts as the templates read them: each value the string the contract carries. */
    @SuppressWarnings("unchecked")
    private static Map<String, ?> asText(TemplateFacts facts) {
        return facts == null ? Map.of() : EventJson.mapper().convertValue(facts, Map.class);
    }

    /** A plan confirmation goes on the first configured channel the holder can be reached on. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome planAgreed(PlanAgreed plan) {
        String reminderId = plan.planId() + "-CONFIRMATION";
        if (attempts.findById(reminderId) != null) {
            return Outcome.applied();
        }
        List<Channel> channels = config.planConfirmation().channels().stream().map(c -> Channel.valueOf(c.strip().toUpperCase(Locale.ROOT)))
                .toList();
        var holder = directory.holderOf(plan.accountId());
        Channel channel = holder.flatMap(p -> channels.stream().filter(c -> directory.contactPoint(p, c).isPresent()).findFirst())
                .orElse(channels.get(0));
        attempts.persist(attempt(reminderId, plan.caseId(), plan.accountId(), holder.map(p -> p.customerId).orElse(null), channel,
                PLAN_CONFIRMATION, null, planFacts(plan), now()));
        return Outcome.applied();
    }

    static Map<String, Object> planFacts(PlanAgreed plan) {
        Map<String, Object> facts = new LinkedHashMap<>();
        List<Map<String, Object>> instalments = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        int number = 1;
        for (PlanAgreed.Instalment i : plan.instalments()) {
            instalments.add(Map.of("number", number++, "dueDate", i.dueDate().toString(), "amount", i.amount().toPlainString()));
            total = total.add(i.amount());
        }
        facts.put("planId", plan.planId());
        facts.put("planType", plan.type().name());
        facts.put("currency", plan.currency());
        facts.put("total", total.toPlainString());
        facts.put("instalmentCount", Integer.toString(plan.instalments().size()));
        facts.put("firstAmount", plan.instalments().get(0).amount().toPlainString());
        facts.put("firstDueDate", plan.instalments().get(0).dueDate().toString());
        facts.put("instalments", instalments);
        return facts;
    }

    private ContactAttempt attempt(String reminderId, String caseId, String accountId, String customerId, Channel channel, String templateId,
                                   String language, Map<String, ?> facts, OffsetDateTime notBefore) {
        ContactAttempt attempt = new ContactAttempt();
        attempt.reminderId = reminderId;
        attempt.caseId = caseId;
        attempt.accountId = accountId;
        attempt.customerId = customerId;
        attempt.channel = channel;
        attempt.templateId = templateId;
        attempt.language = language;
        attempt.facts = new String(EventJson.write(facts), StandardCharsets.UTF_8);
        attempt.moveTo(AttemptStatus.PENDING);
        attempt.notBefore = notBefore;
        attempt.nextAttemptAt = notBefore;
        attempt.createdAt = now();
        return attempt;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
