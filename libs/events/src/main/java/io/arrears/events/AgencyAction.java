package io.arrears.events;

/** What an agency did to reach a cardholder. */
public enum AgencyAction { CALL, SMS, LETTER, VISIT }
