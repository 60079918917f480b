package io.arrears.contact.customer;

/** A text a cardholder sent us (a reply to a reminder), fired as a CDI event. {@code from} is never logged. */
public record InboundSms(String from, String text) {
}
