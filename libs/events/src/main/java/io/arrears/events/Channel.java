package io.arrears.events;

/** A way of reaching a cardholder that contact-channel delivers. */
public enum Channel { SMS, EMAIL, VOICE, LETTER }
