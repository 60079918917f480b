package io.arrears.agency.records;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** The account as the bank's own events last described it. */
@Entity
@Table(name = "account_file")
public class AccountFile {

    @Id
    public String accountId;
    public String customerId;
    public String bucket;
    public int daysPastDue;
    public BigDecimal amountOverdue;
    public BigDecimal totalBalance;
    public String currency;
    public String cardLast4;
    /** Open complaints that hold contact. */
    public int holds;
    public OffsetDateTime updatedAt;

    public boolean held() {
        return holds > 0;
    }
}
