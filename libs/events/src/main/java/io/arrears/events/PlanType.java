package io.arrears.events;

public enum PlanType { INSTALMENTS, DEFERRAL, SETTLEMENT }
