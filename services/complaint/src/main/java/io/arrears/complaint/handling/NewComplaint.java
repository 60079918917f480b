package io.arrears.complaint.handling;

import io.arrears.events.ComplaintCategory;

import java.util.List;

/** A complaint as it is received, from whichever channel. */
public record NewComplaint(String accountId, ComplaintCategory category, String description, String receivedVia, List<String> evidenceRefs,
                           String cardholderTimezone) {
}
