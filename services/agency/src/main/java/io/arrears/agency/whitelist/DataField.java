package io.arrears.agency.whitelist;

/** The personal data an agency's contract lets it see about a cardholder it works on. */
public enum DataField { NAME, PHONE, ADDRESS }
