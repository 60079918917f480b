package io.arrears.events;

/**
 * What became of one reminder. UNKNOWN: a send was interrupted and the provider cannot be asked
 * whether it took the message, so it is not sent again; a person decides what to do.
 */
public enum DeliveryStatus { SENT, DELIVERED, FAILED, SUPPRESSED, UNKNOWN }
