package io.arrears.web;

/** The roles a signed JWT may carry in its {@code groups} claim. */
public final class Roles {

    public static final String AGENT = "agent";
    public static final String SUPERVISOR = "supervisor";
    public static final String AUDITOR = "auditor";
    public static final String COMPLAINTS_OFFICER = "complaints-officer";
    /** A cardholder filing a complaint through the bank's own authenticated channel; the token's subject is the customer id. */
    public static final String CARDHOLDER = "cardholder";
    /** An outsourced collection agency's staff or systems; the token's {@code agency_id} claim names the agency. */
    public static final String AGENCY = "agency";
    /** The JWT claim naming an agency caller's agency. */
    public static final String AGENCY_CLAIM = "agency_id";

    private Roles() {
    }
}
