package io.arrears.events;

public enum EscalationTarget { AGENCY, LEGAL_REVIEW }
