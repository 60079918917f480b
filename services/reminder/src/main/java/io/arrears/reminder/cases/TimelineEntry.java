package io.arrears.reminder.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One change of a case: who (an agent, or the event that caused it), what, when. Never updated or deleted. */
@Entity
@Table(name = "case_timeline")
public class TimelineEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String caseId;
    public OffsetDateTime at;
    public String actor;
    @Enumerated(EnumType.STRING)
    public Actor.Kind actorKind;
    @Enumerated(EnumType.STRING)
    public TimelineKind kind;
    public String detail;
}
