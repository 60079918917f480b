package io.arrears.contact.dispatch;

import io.arrears.events.Channel;

import java.time.OffsetDateTime;

/** An attempt handed to a provider (or being handed over), as the frequency caps count it. */
record HandedOver(String reminderId, String accountId, Channel channel, OffsetDateTime at) {
}
