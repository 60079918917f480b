package io.arrears.events;

public enum MissedReason { MINIMUM_NOT_PAID, PLAN_INSTALMENT_MISSED }
