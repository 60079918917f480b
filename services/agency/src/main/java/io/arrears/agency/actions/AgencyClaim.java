package io.arrears.agency.actions;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What an agency says it collected; commission is paid on the bank's own record of the payment, never on this. */
@Entity
@Table(name = "agency_claim")
public class AgencyClaim {

    @Id
    public String id;
    public String placementId;
    public String agencyId;
    public String reference;
    public BigDecimal amount;
    public String currency;
    public LocalDate collectedOn;
    public OffsetDateTime reportedAt;
}
