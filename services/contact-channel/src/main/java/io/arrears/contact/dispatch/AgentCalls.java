package io.arrears.contact.dispatch;

import io.arrears.events.AgencyAction;
import io.arrears.events.AgencyActionReported;
import io.arrears.events.AgentCallLogged;
import io.arrears.messaging.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The calls agents made, as the reminder service reports them. The law counts calls whoever makes them:
 * the guard adds an agent's conversations to the automated ones before it lets the IVR call.
 */
@ApplicationScoped
public class AgentCalls {

    private final EntityManager entityManager;

    AgentCalls(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome record(AgentCallLogged call) {
        entityManager.createNativeQuery("""
                        insert into agent_call (call_id, case_id, account_id, customer_id, conversation, called_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (call_id) do nothing""")
                .setParameter(1, call.callId()).setParameter(2, call.caseId()).setParameter(3, call.accountId())
                .setParameter(4, call.customerId()).setParameter(5, call.conversation())
                .setParameter(6, call.calledAt().withOffsetSameInstant(ZoneOffset.UTC))
                .executeUpdate();
        return Outcome.applied();
    }

    /** An agency's call counts as an agent's: the law limits calls to a debtor whoever makes them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome record(AgencyActionReported action) {
        if (action.action() == AgencyAction.CALL) {
            record(new AgentCallLogged(action.actionId(), action.caseId(), action.accountId(), action.customerId(), action.conversation(),
                    action.actedAt()));
        }
        return Outcome.applied();
    }

    /** Agents' conversations with the customer since {@code since}, whatever the account. */
    int conversationsSince(String customerId, OffsetDateTime since) {
        return ((Number) entityManager.createNativeQuery(
                        "select count(*) from agent_call where customer_id = ?1 and conversation and called_at >= ?2")
                .setParameter(1, customerId).setParameter(2, since).getSingleResult()).intValue();
    }

    /** When an agent last spoke with the cardholder about the account, if one did. */
    Optional<OffsetDateTime> lastConversation(String accountId) {
        List<?> rows = entityManager.createNativeQuery(
                        "select max(called_at) from agent_call where account_id = ?1 and conversation")
                .setParameter(1, accountId).getResultList();
        Object at = rows.isEmpty() ? null : rows.get(0);
        if (at == null) {
            return Optional.empty();
        }
        return Optional.of(at instanceof OffsetDateTime o ? o : ((java.time.Instant) at).atOffset(ZoneOffset.UTC));
    }
}
