package io.arrears.account.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;

@Entity
@Table(name = "instalment")
public class Instalment {

    /** {@code <planId>#<seq>}, stable so that instalments can be matched to ageing results. */
    @Id
    public String id;

    @ManyToOne
    @JoinColumn(name = "plan_id")
    public AccountPlan plan;

    public int seq;

    @Column(name = "due_date")
    public LocalDate dueDate;

    public BigDecimal amount;

    public BigDecimal paid;
}
