package io.arrears.complaint.handling;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One line of a complaint's audit trail; the database refuses to change or delete it. */
@Entity
@Table(name = "complaint_audit")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String complaintId;
    public String actor;
    public String action;
    public String detail;
    public OffsetDateTime at;
}
