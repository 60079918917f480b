package io.arrears.events;

/** Why an account came back from an agency. NON_PERFORMANCE sends it on to another agency. */
public enum RecallReason { CURED, COMPLAINT_HOLD, PLAN_AGREED, PERIOD_ENDED, SUPERVISOR, NON_PERFORMANCE }
