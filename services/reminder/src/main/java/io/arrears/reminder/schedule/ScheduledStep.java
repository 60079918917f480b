package io.arrears.reminder.schedule;

import io.arrears.events.Channel;
import io.arrears.reminder.strategy.StepChannel;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

@Entity
@Table(name = "scheduled_step")
public class ScheduledStep {

    /** Also the reminderId of the ReminderRequested the step becomes. */
    @Id
    public String id;
    public String caseId;
    public String accountId;
    @Enumerated(EnumType.STRING)
    public StepKind kind;
    @Enumerated(EnumType.STRING)
    public StepChannel channel;
    public String templateId;
    public String bucket;
    public Integer ladderDay;
    public OffsetDateTime dueAt;
    @Enumerated(EnumType.STRING)
    /** Read freely; changed only through {@link #moveTo}, which holds it to {@link StepStatus}'s table. */
    public StepStatus status;
    public String statusReason;
    public String fallbackOf;
    /** Contact channels this reminder has been tried on, itself included, comma-separated. */
    public String triedChannels;
    /** The promise id or the plan instalment number the step is about. */
    public String reference;
    public OffsetDateTime firedAt;
    public OffsetDateTime outcomeAt;
    /**
     * When contact-channel said the reminder went out (its SENT, told alone or with the receipt that followed); the
     * latest outcome is {@link #status} at {@link #outcomeAt}. Together they are the reminder's routine contact history.
     */
    public OffsetDateTime sentAt;
    public String providerMessageId;
    /** The template facts as sent, JSON. */
    public String facts;
    public OffsetDateTime createdAt;

    public List<Channel> tried() {
        return triedChannels == null || triedChannels.isBlank() ? List.of()
                : Arrays.stream(triedChannels.split(",")).map(Channel::valueOf).toList();
    }

    /** @throws StepStatus.IllegalTransition when the status table does not allow the change */
    public void moveTo(StepStatus next) {
        StepStatus.requireTransition(status, next);
        status = next;
    }
}
