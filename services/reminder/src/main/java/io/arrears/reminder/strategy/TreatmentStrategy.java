package io.arrears.reminder.strategy;

import io.arrears.events.Channel;
import io.arrears.events.DeliveryStatus;
import io.arrears.events.SuppressionReason;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The checked treatment strategy: which steps a case gets in each bucket, by arm and segment, and what
 * happens when a channel fails. Built only through {@link #from}, which refuses a definition with problems.
 */
public final class TreatmentStrategy {

    public static final String CHAMPION = "champion";
    public static final String CHALLENGER = "challenger";

    private final List<BucketRange> buckets;
    private final List<Segment> segments;
    private final Map<LadderKey, List<Step>> ladders;
    private final List<String> arms;
    private final double challengerShare;
    private final List<Channel> fallbackOrder;
    private final Set<SuppressionReason> fallbackOnSuppressed;
    private final List<PreDueStep> preDue;
    private final Reminder planReminder;
    private final Reminder promiseReminder;

    private TreatmentStrategy(List<BucketRange> buckets, List<Segment> segments, Map<LadderKey, List<Step>> ladders,
                              List<String> arms, double challengerShare, List<Channel> fallbackOrder, Set<SuppressionReason> fallbackOnSuppressed,
                              List<PreDueStep> preDue, Reminder planReminder, Reminder promiseReminder) {
        this.buckets = buckets;
        this.segments = segments;
        this.ladders = ladders;
        this.arms = arms;
        this.challengerShare = challengerShare;
        this.fallbackOrder = fallbackOrder;
        this.fallbackOnSuppressed = fallbackOnSuppressed;
        this.preDue = preDue;
        this.planReminder = planReminder;
        this.promiseReminder = promiseReminder;
    }

    /** A pre-due step: sent when the account service announces a payment due soon. */
    public record PreDueStep(Channel channel, String templateId) {
    }

    public static TreatmentStrategy from(StrategyDefinition definition) {
        return new StrategyCheck(definition).build();
    }

    static TreatmentStrategy checked(List<BucketRange> buckets, List<Segment> segments,
                                     Map<LadderKey, List<Step>> ladders, List<String> arms, double challengerShare,
                                     List<Channel> fallbackOrder, Set<SuppressionReason> fallbackOnSuppressed, List<PreDueStep> preDue,
                                     Reminder planReminder, Reminder promiseReminder) {
        return new TreatmentStrategy(List.copyOf(buckets), List.copyOf(segments), Map.copyOf(ladders), List.copyOf(arms), challengerShare,
                List.copyOf(fallbackOrder), Set.copyOf(fallbackOnSuppressed), List.copyOf(preDue), planReminder, promiseReminder);
    }

    public List<BucketRange> buckets() {
        return buckets;
    }

    /** The buckets' labels, from the earliest delinquency to the latest. */
    public List<String> bucketLabels() {
        return buckets.stream().map(BucketRange::label).toList();
    }

    public Optional<BucketRange> bucket(String label) {
        return buckets.stream().filter(b -> b.label().equals(label)).findFirst();
    }

    /** The first segment, in configured order, whose conditions the case meets. */
    public String segmentFor(CaseFacts facts) {
        return segments.stream().filter(s -> s.matches(facts)).findFirst().orElseThrow().name();
    }

    /**
     * The arm a new case is given. It depends on the case id alone, so the choice is repeatable
     * (a replayed event lands in the same arm) and spreads evenly over ids.
     */
    public String armFor(String caseId) {
        if (challengerShare <= 0) {
            return CHAMPION;
        }
        CRC32 crc = new CRC32();
        crc.update(caseId.getBytes(StandardCharsets.UTF_8));
        double point = (crc.getValue() % 10_000) / 10_000.0;
        return point < challengerShare ? CHALLENGER : CHAMPION;
    }

    /** The steps of one bucket; a segment without its own ladder for the bucket follows the last (catch-all) segment's. */
    public List<Step> ladder(String arm, String segment, String bucket) {
        String known = arms.contains(arm) ? arm : CHAMPION;
        List<Step> own = ladders.get(new LadderKey(known, segment, bucket));
        if (own != null) {
            return own;
        }
        String catchAll = segments.get(segments.size() - 1).name();
        return ladders.getOrDefault(new LadderKey(known, catchAll, bucket), List.of());
    }

    /** Whether a delivery outcome should be retried on another channel. */
    public boolean fallsBack(DeliveryStatus status, String reason) {
        return status == DeliveryStatus.FAILED
                || (status == DeliveryStatus.SUPPRESSED && SuppressionReason.codeOf(reason).filter(fallbackOnSuppressed::contains).isPresent());
    }

    /** The first channel of the fallback order that this reminder has not tried and no sibling step is already using. */
    public Optional<Channel> fallbackAfter(Collection<Channel> tried, Collection<Channel> busy) {
        return fallbackOrder.stream().filter(c -> !tried.contains(c) && !busy.contains(c)).findFirst();
    }

    public List<PreDueStep> preDue() {
        return preDue;
    }

    public Reminder planReminder() {
        return planReminder;
    }

    public Reminder promiseReminder() {
        return promiseReminder;
    }

    public double challengerShare() {
        return challengerShare;
    }

    public List<String> arms() {
        return new ArrayList<>(arms);
    }

    public List<String> segmentNames() {
        return segments.stream().map(Segment::name).toList();
    }

    /** Suppression reasons are {@code CODE} or {@code CODE: detail}; only the code is compared. */
}
