package io.arrears.account.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;

@Entity
@Table(name = "statement")
public class Statement {

    @Id
    public String id;

    @Column(name = "account_id")
    public String accountId;

    @Column(name = "statement_date")
    public LocalDate statementDate;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "statement_balance")
    public BigDecimal statementBalance;

    @Column(name = "minimum_due")
    public BigDecimal minimumDue;

    @Column(name = "minimum_paid")
    public BigDecimal minimumPaid;

    @Column(name = "due_soon_announced")
    public boolean dueSoonAnnounced;
}
