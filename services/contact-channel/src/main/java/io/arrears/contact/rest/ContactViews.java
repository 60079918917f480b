package io.arrears.contact.rest;

import io.arrears.contact.customer.ChannelConsent;
import io.arrears.contact.customer.ConsentChange;
import io.arrears.contact.customer.ContactHold;
import io.arrears.contact.customer.CustomerProfile;
import io.arrears.contact.customer.Masked;
import io.arrears.contact.dispatch.ContactAttempt;
import io.arrears.contact.dispatch.GuardDecision;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the API shows. Contact points appear masked, always. */
public final class ContactViews {

    private ContactViews() {
    }

    public record History(String accountId, List<Hold> holds, List<Attempt> attempts) {
    }

    public record Attempt(String reminderId, String caseId, String channel, String templateId, String status, String reason,
                          String destination, int tries, String providerMessageId, OffsetDateTime createdAt, OffsetDateTime attemptedAt,
                          OffsetDateTime finishedAt, List<Decision> decisions) {
    }

    public record Hold(String complaintId, OffsetDateTime openedAt, OffsetDateTime releasedAt) {
    }

    public record Decision(String decision, String rule, String detail, OffsetDateTime until, String policyPack, OffsetDateTime decidedAt) {
    }

    public record Customer(String customerId, String name, String email, List<String> phones, String language, String timezone,
                           boolean doNotContact, boolean relationshipEnded, OffsetDateTime erasedAt, List<Consent> consents,
                           List<ConsentHistory> consentHistory) {
    }

    public record Consent(String channel, boolean granted, String source, OffsetDateTime updatedAt) {
    }

    public record ConsentHistory(String channel, boolean granted, String source, String actor, String reason, OffsetDateTime at) {
    }

    static History history(String accountId, List<ContactHold> holds, List<ContactAttempt> attempts, List<GuardDecision> decisions) {
        Map<String, List<GuardDecision>> byReminder = decisions.stream().collect(Collectors.groupingBy(d -> d.reminderId));
        return new History(accountId, holds.stream().map(h -> new Hold(h.complaintId, h.openedAt, h.releasedAt)).toList(), attempts.stream().map(a -> new Attempt(a.reminderId, a.caseId, a.channel.name(), a.templateId,
                a.status.name(), a.statusReason, a.destination, a.tries, a.providerMessageId, a.createdAt, a.attemptedAt, a.finishedAt,
                decisions(a, byReminder.getOrDefault(a.reminderId, List.of())))).toList());
    }

    /** An attempt's decisions in the order they were made: those kept as rows, and the SEND it first went out on. */
    private static List<Decision> decisions(ContactAttempt attempt, List<GuardDecision> rows) {
        List<Decision> decisions = new ArrayList<>(rows.size() + 1);
        rows.forEach(d -> decisions.add(new Decision(d.decision, d.rule, d.detail, d.until, d.policyPack, d.decidedAt)));
        if (attempt.allowedAt != null) {
            decisions.add(new Decision(io.arrears.rules.Decision.Verdict.SEND.name(), io.arrears.rules.Decision.ALLOWED, null, null,
                    attempt.allowedByPack, attempt.allowedAt));
        }
        decisions.sort(Comparator.comparing(d -> d.decidedAt().toInstant()));
        return decisions;
    }

    static Customer customer(CustomerProfile p, List<String> phones, List<ChannelConsent> consents, List<ConsentChange> history) {
        return new Customer(p.customerId, p.name, Masked.email(p.email), phones.stream().map(Masked::phone).toList(), p.language,
                p.timezone, p.doNotContact, p.relationshipEnded, p.erasedAt,
                consents.stream().map(c -> new Consent(c.channel.name(), c.granted, c.source.name(), c.updatedAt)).toList(),
                history.stream().map(h -> new ConsentHistory(h.channel.name(), h.granted, h.source.name(), h.actor, h.reason, h.at)).toList());
    }
}
