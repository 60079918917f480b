package io.arrears.agency.placement;

import io.arrears.events.RecallReason;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

@Entity
@Table(name = "placement")
public class Placement {

    @Id
    public String id;
    public String caseId;
    public String accountId;
    public String agencyId;
    @Enumerated(EnumType.STRING)
    private PlacementStatus status;
    @Enumerated(EnumType.STRING)
    public PlacementRules.Arm arm;
    public String bucket;
    public int daysPastDue;
    /** The arrears when placed, from the bank's records. */
    public BigDecimal amountOverdue;
    public String currency;
    public OffsetDateTime placedAt;
    public OffsetDateTime placedUntil;
    public OffsetDateTime recalledAt;
    @Enumerated(EnumType.STRING)
    public RecallReason recallReason;
    public String recallDetail;
    public String recalledBy;
    public String unplacedReason;
    /** The placement this one follows after a recall for non-performance. */
    public String previousId;
    @Version
    public int version;

    public PlacementStatus status() {
        return status;
    }

    public boolean active() {
        return status == PlacementStatus.ACTIVE;
    }

    void start(PlacementStatus initial) {
        if (status != null) {
            throw new IllegalTransition("placement " + id, status, initial);
        }
        status = initial;
    }

    void recall(RecallReason reason, String detail, String by, OffsetDateTime at) {
        if (!status.canMoveTo(PlacementStatus.RECALLED)) {
            throw new IllegalTransition("placement " + id, status, PlacementStatus.RECALLED);
        }
        status = PlacementStatus.RECALLED;
        recallReason = reason;
        recallDetail = detail;
        recalledBy = by;
        recalledAt = at;
    }
}
