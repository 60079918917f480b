package io.arrears.events;

import java.time.OffsetDateTime;

/**
 * An agent logged a call with a cardholder about a case. Collection rules count an agent's calls with the
 * automated ones (under {@code cn}, at most three effective calls a day per debtor, whoever makes them;
 * under {@code us-reg-f}, no call within seven days after a conversation), so contact-channel's guard
 * counts these too. {@code conversation}: the call reached the cardholder (whatever came of it).
 */
public record AgentCallLogged(
        String callId,
        String caseId,
        String accountId,
        String customerId,
        boolean conversation,
        OffsetDateTime calledAt) implements Event {

    @Override
    public String key() {
        return accountId;
    }
}
