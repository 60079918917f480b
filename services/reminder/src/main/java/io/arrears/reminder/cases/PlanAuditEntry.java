package io.arrears.reminder.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One financial decision on a case: who, with what authority, what, and the limits in force. Never updated. */
@Entity
@Table(name = "plan_audit")
public class PlanAuditEntry {

    public enum Action { PLAN_AGREED, WAIVER, LIMIT_OVERRIDE, LIMIT_REFUSED, PLAN_REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public OffsetDateTime at;
    public String actor;
    public String authority;
    public String caseId;
    public String planId;
    @Enumerated(EnumType.STRING)
    public Action action;
    public BigDecimal covered;
    public BigDecimal toPay;
    public BigDecimal forgiven;
    public String currency;
    public String detail;
    public String limits;
}
