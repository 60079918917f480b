package io.arrears.account.ledger;

import io.arrears.events.PlanType;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "repayment_plan")
public class AccountPlan {

    public enum Status { ACTIVE, BROKEN, COMPLETED, SUPERSEDED }

    @Id
    public String id;

    @Column(name = "account_id")
    public String accountId;

    @Column(name = "case_id")
    public String caseId;

    @Enumerated(EnumType.STRING)
    public PlanType type;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String currency;

    @Column(name = "waived_interest")
    public BigDecimal waivedInterest;

    @Column(name = "waived_fees")
    public BigDecimal waivedFees;

    @Column(name = "written_off")
    public BigDecimal writtenOff = BigDecimal.ZERO;

    @Column(name = "agreed_by")
    public String agreedBy;

    @Column(name = "agreed_at")
    public OffsetDateTime agreedAt;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("seq")
    public List<Instalment> instalments = new ArrayList<>();
}
