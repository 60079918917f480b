package io.arrears.contact.dispatch;

import io.arrears.events.Channel;

import java.time.OffsetDateTime;

/**
 * An attempt a statement has just moved (a provider's answer made it SENT or FAILED, a receipt made it final), as that
 * statement read it back: when the provider took it ({@code sentAt}, if it did), and whether its SENT waits to be told
 * with its receipt ({@code toldLater}).
 */
record SettledAttempt(String reminderId, String caseId, String accountId, Channel channel, AttemptStatus status, String providerMessageId,
                      OffsetDateTime sentAt, boolean toldLater) {
}
