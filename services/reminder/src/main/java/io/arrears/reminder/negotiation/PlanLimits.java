package io.arrears.reminder.negotiation;

import java.math.BigDecimal;

/** What one role may agree without asking anyone: instalment count, days of deferral, share of the debt waived. */
public record PlanLimits(int maxInstalments, int maxDeferralDays, BigDecimal maxWaiverPercent) {
}
