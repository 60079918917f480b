package io.arrears.contact.dispatch;

import io.arrears.events.Channel;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One decision of the compliance guard, kept as evidence of what was weighed and when. */
@Entity
@Table(name = "guard_decision")
public class GuardDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String reminderId;
    public String accountId;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public String decision;
    public String rule;
    public String detail;
    public OffsetDateTime until;
    public String policyPack;
    public OffsetDateTime decidedAt;
}
