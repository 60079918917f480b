package io.arrears.events;

public enum ComplaintOutcome { UPHELD, PARTIALLY_UPHELD, REJECTED }
