package io.arrears.contact.dispatch;

import io.arrears.events.Channel;

/** An attempt a statement has just moved (a provider's answer made it SENT or FAILED, a receipt made it final), as that statement read it back. */
record SettledAttempt(String reminderId, String caseId, String accountId, Channel channel, AttemptStatus status, String providerMessageId) {
}
