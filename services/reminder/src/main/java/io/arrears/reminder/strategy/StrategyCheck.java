package io.arrears.reminder.strategy;

import io.arrears.events.Channel;
import io.arrears.events.SuppressionReason;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks a strategy definition and collects every problem, each naming the configuration key it is about. */
final class StrategyCheck {

    private static final String PREFIX = "reminder.strategy.";

    private final StrategyDefinition definition;
    private final List<String> problems = new ArrayList<>();

    StrategyCheck(StrategyDefinition definition) {
        this.definition = definition;
    }

    TreatmentStrategy build() {
        List<BucketRange> buckets = buckets();
        List<Segment> segments = segments();
        Map<String, Map<String, Map<String, List<Step>>>> ladders = ladders(buckets, segments);
        double share = definition.challengerShare();
        if (share < 0 || share > 1) {
            problems.add(PREFIX + "challenger.share: " + share + " is not between 0 and 1");
        } else if (share > 0 && !ladders.containsKey(TreatmentStrategy.CHALLENGER)) {
            problems.add(PREFIX + "challenger.share: " + share + " of cases would get the challenger arm, but "
                    + PREFIX + "ladders.challenger.* is not configured");
        }
        List<Channel> fallback = contactChannels(definition.fallbackOrder(), "fallback-order");
        List<TreatmentStrategy.PreDueStep> preDue = new ArrayList<>();
        for (String text : definition.preDue()) {
            String[] parts = text.trim().split("\\s+");
            if (parts.length != 2) {
                problems.add(PREFIX + "pre-due: '" + text.trim() + "' is not '<CHANNEL> <template-id>'");
                continue;
            }
            try {
                StepChannel channel = StrategyText.channel(parts[0], text.trim());
                if (channel.contactChannel().isEmpty()) {
                    problems.add(PREFIX + "pre-due: '" + text.trim() + "': a pre-due step must be SMS, EMAIL, VOICE or LETTER");
                    continue;
                }
                preDue.add(new TreatmentStrategy.PreDueStep(channel.contactChannel().get(), StrategyText.templateId(parts[1], text.trim())));
            } catch (IllegalArgumentException e) {
                problems.add(PREFIX + "pre-due: " + e.getMessage());
            }
        }
        Set<SuppressionReason> fallbackOnSuppressed = suppressionReasons(definition.fallbackOnSuppressed());
        Reminder plan = reminder(definition.planReminder(), "plan-reminder");
        Reminder promise = reminder(definition.promiseReminder(), "promise-reminder");
        if (!problems.isEmpty()) {
            throw new InvalidStrategyException(problems);
        }
        Map<LadderKey, List<Step>> byKey = new LinkedHashMap<>();
        ladders.forEach((arm, bySegment) -> bySegment.forEach((segment, byBucket) -> byBucket.forEach((bucket, steps) ->
                byKey.put(new LadderKey(arm, segment, bucket), List.copyOf(steps)))));
        return TreatmentStrategy.checked(buckets, segments, byKey, List.copyOf(ladders.keySet()), share, fallback,
                fallbackOnSuppressed, preDue, plan, promise);
    }

    private List<BucketRange> buckets() {
        List<BucketRange> buckets = new ArrayList<>();
        for (String label : definition.buckets()) {
            try {
                buckets.add(BucketRange.parse(label));
            } catch (IllegalArgumentException e) {
                problems.add(PREFIX + "buckets: " + e.getMessage());
            }
        }
        buckets.sort(Comparator.comparingInt(BucketRange::firstDay));
        for (int i = 1; i < buckets.size(); i++) {
            if (buckets.get(i).firstDay() != buckets.get(i - 1).lastDay() + 1) {
                problems.add(PREFIX + "buckets: " + buckets.get(i - 1).label() + " and " + buckets.get(i).label()
                        + " leave a gap or overlap");
            }
        }
        if (buckets.isEmpty()) {
            problems.add(PREFIX + "buckets: at least one bucket is needed");
        } else if (buckets.get(0).firstDay() != 1) {
            problems.add(PREFIX + "buckets: the first bucket must start at day 1, not " + buckets.get(0).firstDay());
        }
        return buckets;
    }

    private List<Segment> segments() {
        List<Segment> segments = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : definition.segmentOrder()) {
            if (!seen.add(name)) {
                problems.add(PREFIX + "segment-order: '" + name + "' is listed twice");
                continue;
            }
            Segment segment = definition.segments().getOrDefault(name, Segment.catchAll(name));
            segments.stream().filter(s -> !s.hasConditions()).findFirst().ifPresent(catchAll ->
                    problems.add(PREFIX + "segment-order: '" + name + "' can never match, because '"
                            + catchAll.name() + "' before it has no conditions"));
            segments.add(segment);
        }
        for (String name : definition.segments().keySet()) {
            if (!seen.contains(name)) {
                problems.add(PREFIX + "segments." + name + ": the segment is not in " + PREFIX + "segment-order");
            }
        }
        if (segments.isEmpty()) {
            problems.add(PREFIX + "segment-order: at least one segment is needed");
        } else if (segments.get(segments.size() - 1).hasConditions()) {
            problems.add(PREFIX + "segment-order: the last segment, '" + segments.get(segments.size() - 1).name()
                    + "', must have no conditions, so that every case has a segment");
        }
        return segments;
    }

    private Map<String, Map<String, Map<String, List<Step>>>> ladders(List<BucketRange> buckets, List<Segment> segments) {
        Map<String, Map<String, Map<String, List<Step>>>> ladders = new LinkedHashMap<>();
        if (!definition.ladders().containsKey(TreatmentStrategy.CHAMPION)) {
            problems.add(PREFIX + "ladders.champion: the champion arm is required");
        }
        Set<String> segmentNames = new HashSet<>();
        segments.forEach(s -> segmentNames.add(s.name()));
        definition.ladders().forEach((arm, bySegment) -> {
            if (!arm.equals(TreatmentStrategy.CHAMPION) && !arm.equals(TreatmentStrategy.CHALLENGER)) {
                problems.add(PREFIX + "ladders." + arm + ": arms are 'champion' and 'challenger'");
                return;
            }
            Map<String, Map<String, List<Step>>> checkedSegments = new LinkedHashMap<>();
            bySegment.forEach((segment, byBucket) -> {
                if (!segmentNames.contains(segment)) {
                    problems.add(PREFIX + "ladders." + arm + "." + segment + ": no such segment in " + PREFIX + "segment-order");
                    return;
                }
                Map<String, List<Step>> checkedBuckets = new LinkedHashMap<>();
                byBucket.forEach((bucket, texts) -> {
                    String key = PREFIX + "ladders." + arm + "." + segment + "." + bucket;
                    BucketRange range = buckets.stream().filter(b -> b.label().equals(bucket)).findFirst().orElse(null);
                    if (range == null) {
                        problems.add(key + ": no such bucket in " + PREFIX + "buckets");
                        return;
                    }
                    checkedBuckets.put(bucket, steps(key, range, texts));
                });
                checkedSegments.put(segment, checkedBuckets);
            });
            if (!segments.isEmpty()) {
                String catchAll = segments.get(segments.size() - 1).name();
                Map<String, List<Step>> fallback = checkedSegments.getOrDefault(catchAll, Map.of());
                if (fallback.isEmpty()) {
                    problems.add(PREFIX + "ladders." + arm + "." + catchAll + ": the last segment needs a ladder, "
                            + "other segments follow it where they have none");
                } else if (!fallback.containsKey(buckets.isEmpty() ? "" : buckets.get(0).label())) {
                    problems.add(PREFIX + "ladders." + arm + "." + catchAll + ": has no steps for the first bucket, "
                            + "so a new case would never be contacted");
                }
            }
            ladders.put(arm, checkedSegments);
        });
        return ladders;
    }

    private List<Step> steps(String key, BucketRange range, List<String> texts) {
        List<Step> steps = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String text : texts) {
            if (text.isBlank()) {
                continue;
            }
            try {
                Step step = Step.parse(text);
                if (!range.contains(step.day())) {
                    problems.add(key + ": step '" + step + "': day " + step.day() + " is outside bucket " + range.label());
                } else if (!seen.add(step.day() + " " + step.channel())) {
                    problems.add(key + ": step '" + step + "': the ladder already has " + step.channel() + " on day " + step.day());
                } else {
                    steps.add(step);
                }
            } catch (IllegalArgumentException e) {
                problems.add(key + ": " + e.getMessage());
            }
        }
        steps.sort(Comparator.comparingInt(Step::day));
        return List.copyOf(steps);
    }

    private Set<SuppressionReason> suppressionReasons(List<String> names) {
        Set<SuppressionReason> reasons = EnumSet.noneOf(SuppressionReason.class);
        for (String name : names) {
            try {
                reasons.add(SuppressionReason.valueOf(name.trim()));
            } catch (IllegalArgumentException e) {
                problems.add(PREFIX + "fallback-on-suppressed: " + name.trim() + " is not one of " + Arrays.toString(SuppressionReason.values()));
            }
        }
        return reasons;
    }

    private List<Channel> contactChannels(List<String> names, String key) {
        List<Channel> channels = new ArrayList<>();
        for (String name : names) {
            try {
                StepChannel channel = StrategyText.channel(name, name);
                if (channel.contactChannel().isEmpty()) {
                    problems.add(PREFIX + key + ": " + name + " is not a contact channel (SMS, EMAIL, VOICE, LETTER)");
                } else if (channels.contains(channel.contactChannel().get())) {
                    problems.add(PREFIX + key + ": " + name + " is listed twice");
                } else {
                    channels.add(channel.contactChannel().get());
                }
            } catch (IllegalArgumentException e) {
                problems.add(PREFIX + key + ": " + e.getMessage());
            }
        }
        return channels;
    }

    private Reminder reminder(String text, String key) {
        try {
            Step step = Step.parse(text);
            if (step.channel().contactChannel().isEmpty()) {
                problems.add(PREFIX + key + ": '" + text.trim() + "' must use SMS, EMAIL, VOICE or LETTER");
                return null;
            }
            if (step.day() < 0) {
                problems.add(PREFIX + key + ": '" + text.trim() + "': days before cannot be negative");
                return null;
            }
            return new Reminder(step.day(), step.channel().contactChannel().get(), step.templateId());
        } catch (IllegalArgumentException e) {
            problems.add(PREFIX + key + ": " + e.getMessage().replace("<day>", "<days-before>"));
            return null;
        }
    }
}
