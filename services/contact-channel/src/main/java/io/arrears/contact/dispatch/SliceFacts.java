package io.arrears.contact.dispatch;

import io.arrears.contact.customer.Holders;
import io.arrears.events.Channel;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the guard weighs about a slice's accounts, read once after their locks are taken: the holders,
 * the holds, and every attempt handed over within the longest period a cap counts. An attempt of the
 * slice is added as it is handed over, so the caps count it for the attempts after it.
 */
final class SliceFacts {

    private final Holders holders;
    private final Set<String> held;
    private final Map<String, Map<String, HandedOver>> handedOver = new HashMap<>();

    SliceFacts(Holders holders, Set<String> held, List<HandedOver> handedOver) {
        this.holders = holders;
        this.held = held;
        handedOver.forEach(this::add);
    }

    Holders holders() {
        return holders;
    }

    boolean isHeld(String accountId) {
        return held.contains(accountId);
    }

    /** Attempts on the account handed over since {@code since} on these channels, not counting {@code except}. */
    int handedOverSince(String accountId, Collection<Channel> channels, OffsetDateTime since, String except) {
        return (int) handedOver.getOrDefault(accountId, Map.of()).values().stream()
                .filter(h -> channels.contains(h.channel()) && !h.at().isBefore(since) && !h.reminderId().equals(except))
                .count();
    }

    void handOver(ContactAttempt attempt) {
        add(new HandedOver(attempt.reminderId, attempt.accountId, attempt.channel, attempt.attemptedAt));
    }

    private void add(HandedOver attempt) {
        handedOver.computeIfAbsent(attempt.accountId(), k -> new HashMap<>()).put(attempt.reminderId(), attempt);
    }
}
