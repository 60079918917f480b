package io.arrears.agency.whitelist;

import io.arrears.agency.config.AgencyConfig;
import io.arrears.events.AgencyAction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The agencies the bank may place accounts with. The configuration is the source; at start-up it is
 * written to the {@code agency} table, which placement locks to count capacity and which keeps an agency
 * taken off the list (unlisted) for its history. A whitelist that does not make sense stops start-up.
 */
@ApplicationScoped
public class Whitelist {

    private final AgencyConfig config;
    private final EntityManager entityManager;

    Whitelist(AgencyConfig config, EntityManager entityManager) {
        this.config = config;
        this.entityManager = entityManager;
    }

    @Transactional
    void publish(@Observes StartupEvent start) {
        List<AgencyTerms> configured = configured(config);
        // Two replicas starting at once write the same rows; the lock keeps their writes apart.
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtextextended('agency-whitelist', 7))").getSingleResult();
        Map<String, AgencyRow> stored = entityManager.createQuery("from AgencyRow", AgencyRow.class).getResultList().stream()
                .collect(Collectors.toMap(r -> r.id, Function.identity()));
        for (AgencyTerms terms : configured) {
            AgencyRow row = stored.remove(terms.id());
            if (row == null) {
                row = new AgencyRow();
                row.write(terms);
                entityManager.persist(row);
            } else {
                row.write(terms);
            }
        }
        stored.values().forEach(row -> row.listed = false);
    }

    /** Every agency ever listed, listed or not, by id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<AgencyTerms> all() {
        return entityManager.createQuery("from AgencyRow order by id", AgencyRow.class).getResultList().stream().map(AgencyRow::terms).toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<AgencyTerms> listed() {
        return entityManager.createQuery("from AgencyRow where listed order by id", AgencyRow.class).getResultList().stream()
                .map(AgencyRow::terms).toList();
    }

    /** The listed agencies, their rows locked until the transaction ends, so two placements never count the same free capacity. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<AgencyTerms> lockListed() {
        return entityManager.createQuery("from AgencyRow where listed order by id", AgencyRow.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList().stream().map(AgencyRow::terms).toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<AgencyTerms> find(String id) {
        return Optional.ofNullable(entityManager.find(AgencyRow.class, id)).map(AgencyRow::terms);
    }

    static List<AgencyTerms> configured(AgencyConfig config) {
        List<String> problems = new ArrayList<>();
        Set<String> buckets = new HashSet<>(config.placement().buckets());
        List<AgencyTerms> terms = new ArrayList<>();
        config.agencies().forEach((id, a) -> {
            String key = "agency.agencies." + id + ".";
            Set<AgencyAction> channels = parse(a.channels(), AgencyAction.class, key + "channels", problems);
            Set<DataField> data = parse(a.data(), DataField.class, key + "data", problems);
            a.buckets().stream().filter(b -> !buckets.contains(b))
                    .forEach(b -> problems.add(key + "buckets: '" + b + "' is not one of agency.placement.buckets " + buckets));
            a.buckets().stream().filter(b -> !a.commission().containsKey(b))
                    .forEach(b -> problems.add(key + "commission." + b + " is missing: the agency takes that bucket"));
            a.commission().forEach((bucket, rate) -> {
                if (rate.signum() < 0 || rate.compareTo(java.math.BigDecimal.ONE) >= 0) {
                    problems.add(key + "commission." + bucket + ": " + rate + " is not a rate between 0 and 1");
                }
            });
            if (a.capacity() < 0) {
                problems.add(key + "capacity: " + a.capacity() + " is negative");
            }
            if (a.contractUntil().isBefore(a.contractFrom())) {
                problems.add(key + "contract-until " + a.contractUntil() + " is before contract-from " + a.contractFrom());
            }
            if (a.maxBalance().compareTo(a.minBalance()) < 0) {
                problems.add(key + "max-balance is below min-balance");
            }
            terms.add(new AgencyTerms(id, a.name(), Set.copyOf(a.regions()), Set.copyOf(a.buckets()), a.minBalance(), a.maxBalance(),
                    a.capacity(), a.commission(), a.contractFrom(), a.contractUntil(), a.reviewedOn(), channels, data));
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the agency whitelist is invalid:\n  " + String.join("\n  ", problems));
        }
        return terms;
    }

    private static <E extends Enum<E>> Set<E> parse(List<String> names, Class<E> type, String key, List<String> problems) {
        Set<E> values = new HashSet<>();
        for (String name : names) {
            try {
                values.add(Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add(key + ": '" + name + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
            }
        }
        return values;
    }
}
