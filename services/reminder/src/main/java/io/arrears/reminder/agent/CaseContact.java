package io.arrears.reminder.agent;

import io.arrears.reminder.cases.ContactRecord;
import io.arrears.reminder.schedule.ScheduledStep;
import io.arrears.reminder.schedule.StepStatus;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One line of a case's contact history: an outcome contact-channel told of one reminder. The routine ones are
 * read off the reminder's step (its send, and the delivery it stands at); the rest were kept as told in the
 * contact records. An outcome both hold (a send recorded before its step said it) is shown once.
 */
public record CaseContact(String reminderId, String channel, String status, String reason, String providerMessageId, OffsetDateTime at) {

    private static final Comparator<CaseContact> IN_ORDER = Comparator.comparing(CaseContact::at)
            .thenComparing(CaseContact::reminderId).thenComparing(CaseContact::status);

    public static List<CaseContact> history(List<ScheduledStep> steps, List<ContactRecord> records) {
        List<CaseContact> lines = new ArrayList<>();
        Set<String> said = new HashSet<>();
        for (ScheduledStep step : steps) {
            String channel = step.channel == null ? null : step.channel.name();
            if (step.sentAt != null) {
                lines.add(new CaseContact(step.id, channel, "SENT", null, step.providerMessageId, step.sentAt));
                said.add(step.id + "/SENT");
            }
            if (step.status == StepStatus.DELIVERED) {
                lines.add(new CaseContact(step.id, channel, "DELIVERED", step.statusReason, step.providerMessageId, step.outcomeAt));
                said.add(step.id + "/DELIVERED");
            }
        }
        for (ContactRecord r : records) {
            if (!said.contains(r.stepId + "/" + r.status)) {
                lines.add(new CaseContact(r.stepId, r.channel, r.status, r.reason, r.providerMessageId, r.at));
            }
        }
        lines.sort(IN_ORDER);
        return lines;
    }
}
