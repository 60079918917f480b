package io.arrears.account.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

@Entity
@Table(name = "account")
public class Account {

    public enum Status { CURRENT, DELINQUENT, IN_PLAN }

    @Id
    public String id;

    @Column(name = "customer_id")
    public String customerId;

    public String currency;

    /** The card product named by the latest statement that carried one; null until then. */
    public String product;

    /** The last four digits of the card, from the latest statement that carried them (a reissued card has new ones). */
    @Column(name = "card_last4")
    public String cardLast4;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** The bucket last announced in a PaymentMissed; only a worse one is announced again. */
    @Column(name = "reported_bucket")
    public String reportedBucket;

    public String bucket;

    @Column(name = "days_past_due")
    public int daysPastDue;

    @Column(name = "past_due_since")
    public LocalDate pastDueSince;

    @Column(name = "amount_overdue")
    public BigDecimal amountOverdue;

    @Column(name = "total_balance")
    public BigDecimal totalBalance;

    @Column(name = "last_statement_date")
    public LocalDate lastStatementDate;

    @Column(name = "next_review_date")
    public LocalDate nextReviewDate;

    /** The business date the delinquency figures were computed for. */
    @Column(name = "as_of")
    public LocalDate asOf;

    @Version
    public long version;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
