package io.arrears.agency.performance;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A payment the bank received on an account while an agency held it: what commission is paid on. */
@Entity
@Table(name = "collection")
public class Collection {

    @Id
    public String paymentId;
    public String placementId;
    public String agencyId;
    public String accountId;
    public String bucket;
    public BigDecimal amount;
    public String currency;
    public OffsetDateTime receivedAt;
}
