package io.arrears.contact.dispatch;

import io.arrears.events.Channel;

/** An attempt a receipt has just made final, as the statement that moved it read it back. */
record SettledAttempt(String reminderId, String caseId, String accountId, Channel channel, AttemptStatus status, String providerMessageId) {
}
