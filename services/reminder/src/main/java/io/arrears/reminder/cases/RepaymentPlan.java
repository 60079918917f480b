package io.arrears.reminder.cases;

import io.arrears.events.PlanType;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "repayment_plan")
public class RepaymentPlan {

    public enum Status { ACTIVE, BROKEN, COMPLETED, REJECTED }

    @Id
    public String id;
    public String caseId;
    public String accountId;
    @Enumerated(EnumType.STRING)
    public PlanType type;
    @Enumerated(EnumType.STRING)
    public Status status;
    public BigDecimal total;
    public String currency;
    public BigDecimal waivedInterest;
    public BigDecimal waivedFees;
    public BigDecimal writtenOff = BigDecimal.ZERO;
    public String agreedBy;
    public OffsetDateTime agreedAt;
    public OffsetDateTime endedAt;
    @OneToMany(mappedBy = "planId", cascade = CascadeType.ALL)
    @OrderBy("seq")
    public List<PlanInstalment> instalments = new ArrayList<>();
}
