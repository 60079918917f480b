package io.arrears.contact.channel;

/**
 * A provider's report on a message it took: delivered to the handset, mailbox or phone, or not.
 * Adapters fire it as a CDI event; the dispatcher turns it into DELIVERED or FAILED.
 */
public record ProviderReceipt(String providerMessageId, boolean delivered, String detail, String callOutcome) {

    public ProviderReceipt(String providerMessageId, boolean delivered, String detail) {
        this(providerMessageId, delivered, detail, null);
    }


    /** No attempt carries this provider message id (yet): a receipt can outrun the record of its own send. */
    public static class UnknownMessage extends RuntimeException {
        public UnknownMessage(String providerMessageId) {
            super("no contact attempt has provider message id " + providerMessageId);
        }
    }
}
