package io.arrears.reminder.negotiation;

import java.math.BigDecimal;

/**
 * What one role may agree without asking anyone.
 *
 * @param maxInstalments       instalments in one plan
 * @param maxFirstDueDays      days from agreement to an instalment plan's first payment; further out it is a deferral
 * @param maxDeferralDays      days from agreement to a deferral's or settlement's payment
 * @param maxWaiverPercent     share of the debt the plan covers that the bank forgives, whatever it is called
 * @param minSettlementPercent share of the total balance a settlement must still pay
 */
public record PlanLimits(int maxInstalments, int maxFirstDueDays, int maxDeferralDays, BigDecimal maxWaiverPercent,
                         BigDecimal minSettlementPercent) {
}
