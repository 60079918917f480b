package io.arrears.contact.dispatch;

import io.arrears.contact.customer.ContactPoint;
import io.arrears.contact.customer.PhoneDigests;
import io.arrears.rules.Circumstances;
import io.arrears.rules.ComplianceGuard;
import io.arrears.events.Channel;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Stream;

/** What the call rules look at before a call: today's calls to the number and with the debtor, automated or an agent's. */
@ApplicationScoped
class CallHistory {

    private final AttemptRepository attempts;
    private final AgentCalls agentCalls;
    private final PhoneDigests digests;

    CallHistory(AttemptRepository attempts, AgentCalls agentCalls, PhoneDigests digests) {
        this.attempts = attempts;
        this.agentCalls = agentCalls;
        this.digests = digests;
    }

    Circumstances.Calls before(ContactAttempt attempt, String customerId, Optional<ContactPoint> to, Instant now, ZoneId zone) {
        if (attempt.channel != Channel.VOICE || to.isEmpty()) {
            return Circumstances.Calls.NONE;
        }
        OffsetDateTime today = OffsetDateTime.ofInstant(ComplianceGuard.startOfDay(now, zone), ZoneOffset.UTC);
        int conversations = attempts.conversationsSince(customerId, today) + agentCalls.conversationsSince(customerId, today);
        Instant lastConversation = Stream.of(attempts.lastConversation(attempt.accountId), agentCalls.lastConversation(attempt.accountId))
                .flatMap(Optional::stream).map(OffsetDateTime::toInstant).max(Instant::compareTo).orElse(null);
        return new Circumstances.Calls(attempts.unansweredCallsSince(digests.of(to.get().address()), today), conversations, lastConversation);
    }
}
