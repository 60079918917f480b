package io.arrears.reminder.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

@Entity
@Table(name = "collection_case")
public class CollectionCase {

    @Id
    public String id;
    public String accountId;
    public String customerId;
    public String currency;
    @Enumerated(EnumType.STRING)
    public CaseState state;
    public String arm;
    public String segment;
    public String product;
    /** The card's last four digits, for messages to name the card; null when core banking does not send them. */
    public String cardLast4;
    public String bucket;
    public String ladderBucket;
    public int daysPastDue;
    public LocalDate dayOne;
    public String statementId;
    public LocalDate dueDate;
    public BigDecimal amountOverdue;
    public BigDecimal minimumDue;
    public BigDecimal totalBalance;
    @Enumerated(EnumType.STRING)
    public CaseState.Escalation escalation;
    public int brokenPromises;
    public int brokenPlans;
    public OffsetDateTime agentTaskSince;
    public String activePlanId;
    public BigDecimal paidInPlan;
    public OffsetDateTime openedAt;
    public OffsetDateTime closedAt;
    public String closedReason;
    @Version
    public long version;

    /** The ladder day of {@code date}: day 1 is the first day past due. */
    public int ladderDay(LocalDate date) {
        return (int) ChronoUnit.DAYS.between(dayOne, date) + 1;
    }

    public boolean isClosed() {
        return state == CaseState.CLOSED;
    }
}
