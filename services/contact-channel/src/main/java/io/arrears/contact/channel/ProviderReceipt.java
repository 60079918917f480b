package io.arrears.contact.channel;

/**
 * A provider's report on a message it took: delivered to the handset, mailbox or phone, or not.
 * Adapters fire it as a CDI event; the dispatcher turns it into DELIVERED or FAILED.
 */
public record ProviderReceipt(String providerMessageId, boolean delivered, String detail) {
}
