package io.arrears.events;

public enum DeliveryStatus { SENT, DELIVERED, FAILED, SUPPRESSED }
