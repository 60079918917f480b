package io.arrears.contact.channel;

/**
 * A provider's report on a message it took: delivered to the handset, mailbox or phone, or not.
 * Adapters fire it as a CDI event; the dispatcher turns it into DELIVERED or FAILED.
 */
public record ProviderReceipt(String providerMessageId, boolean delivered, String detail, String callOutcome, boolean keptIfEarly) {

    public ProviderReceipt(String providerMessageId, boolean delivered, String detail) {
        this(providerMessageId, delivered, detail, null, false);
    }

    public ProviderReceipt(String providerMessageId, boolean delivered, String detail, String callOutcome) {
        this(providerMessageId, delivered, detail, callOutcome, false);
    }

    /**
     * An SMS centre's receipt: it can arrive before the record of its own send, and is then kept until
     * that record is written rather than refused (the SMS centre would only deliver it again and again).
     */
    public static ProviderReceipt fromSmsCentre(String providerMessageId, boolean delivered, String detail) {
        return new ProviderReceipt(providerMessageId, delivered, detail, null, true);
    }


    /** No attempt carries this provider message id (yet): a receipt can outrun the record of its own send. */
    public static class UnknownMessage extends RuntimeException {
        public UnknownMessage(String providerMessageId) {
            super("no contact attempt has provider message id " + providerMessageId);
        }
    }

    /** Not recorded now (the database is away, or slow to answer), though it may be shortly: refuse it, and the provider sends it again. */
    public static class NotRecordedNow extends RuntimeException {
        public NotRecordedNow(String why) {
            super(why);
        }
    }
}
