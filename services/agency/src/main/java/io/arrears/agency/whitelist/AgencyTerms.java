package io.arrears.agency.whitelist;

import io.arrears.events.AgencyAction;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One agency on the whitelist and what its contract says: where and what it may collect, how much at once,
 * how it may reach cardholders, what it may see of them, and what it earns.
 *
 * @param regions   province codes of the cardholder's address it may work in; "*" for anywhere
 * @param reviewedOn the date of the bank's last review of the agency
 */
public record AgencyTerms(String id, String name, Set<String> regions, Set<String> buckets, BigDecimal minBalance,
                          BigDecimal maxBalance, int capacity, Map<String, BigDecimal> commission, LocalDate contractFrom,
                          LocalDate contractUntil, LocalDate reviewedOn, Set<AgencyAction> channels, Set<DataField> data) {

    public static final String ANY_REGION = "*";

    public AgencyTerms {
        regions = Set.copyOf(regions);
        buckets = Set.copyOf(buckets);
        commission = Map.copyOf(commission);
        channels = Set.copyOf(channels);
        data = Set.copyOf(data);
    }

    public boolean underContract(LocalDate day) {
        return !day.isBefore(contractFrom) && !day.isAfter(contractUntil);
    }

    /** Whether the bank reviewed the agency recently enough to give it new accounts. */
    public boolean reviewedWithin(Duration every, LocalDate day) {
        return !reviewedOn.plusDays(every.toDays()).isBefore(day);
    }

    public boolean servesRegion(String region) {
        return regions.contains(ANY_REGION) || (region != null && regions.contains(region));
    }

    public boolean takesBalance(BigDecimal balance) {
        return balance.compareTo(minBalance) >= 0 && balance.compareTo(maxBalance) <= 0;
    }

    public Optional<BigDecimal> rate(String bucket) {
        return Optional.ofNullable(commission.get(bucket));
    }
}
