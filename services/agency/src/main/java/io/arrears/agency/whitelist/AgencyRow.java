package io.arrears.agency.whitelist;

import io.arrears.events.AgencyAction;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** An agency as stored: lists are comma-separated, commission is {@code bucket=rate,...}. */
@Entity
@Table(name = "agency")
public class AgencyRow {

    @Id
    public String id;
    public String name;
    public String regions;
    public String buckets;
    public BigDecimal minBalance;
    public BigDecimal maxBalance;
    public int capacity;
    public String commission;
    public LocalDate contractFrom;
    public LocalDate contractUntil;
    public LocalDate reviewedOn;
    public String channels;
    public String dataFields;
    /** False once the agency is taken off the whitelist: it keeps its history but gets no new accounts. */
    public boolean listed;

    public AgencyTerms terms() {
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        split(commission).forEach(pair -> {
            String[] kv = pair.split("=", 2);
            rates.put(kv[0], new BigDecimal(kv[1]));
        });
        return new AgencyTerms(id, name, split(regions), split(buckets), minBalance, maxBalance, capacity, rates, contractFrom,
                contractUntil, reviewedOn, split(channels).stream().map(AgencyAction::valueOf).collect(Collectors.toSet()),
                split(dataFields).stream().map(DataField::valueOf).collect(Collectors.toSet()));
    }

    public void write(AgencyTerms terms) {
        id = terms.id();
        name = terms.name();
        regions = join(terms.regions());
        buckets = join(terms.buckets());
        minBalance = terms.minBalance();
        maxBalance = terms.maxBalance();
        capacity = terms.capacity();
        commission = terms.commission().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue().toPlainString()).collect(Collectors.joining(","));
        contractFrom = terms.contractFrom();
        contractUntil = terms.contractUntil();
        reviewedOn = terms.reviewedOn();
        channels = join(terms.channels().stream().map(Enum::name).collect(Collectors.toSet()));
        dataFields = join(terms.data().stream().map(Enum::name).collect(Collectors.toSet()));
        listed = true;
    }

    private static Set<String> split(String list) {
        return list == null || list.isBlank() ? Set.of()
                : Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    private static String join(Set<String> values) {
        return values.stream().sorted().collect(Collectors.joining(","));
    }
}
