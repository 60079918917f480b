package io.arrears.contact.customer;

/** A text a cardholder sent us (a reply to a reminder), fired as a CDI event. {@code from} is never logged. */
public record InboundSms(String from, String text) {

    /** Not recorded now (the database is away, or slow to answer), though it may be shortly: refuse it, and the SMS centre sends it again. */
    public static class NotRecordedNow extends RuntimeException {
        public NotRecordedNow(String why) {
            super(why);
        }
    }
}
