package io.arrears.reminder.strategy;

import java.util.List;
import java.util.Map;

/**
 * A treatment strategy as written in configuration, before it is checked. Steps are text,
 * {@code "<day> <CHANNEL> <template-id>"}; reminders are {@code "<days-before> <CHANNEL> <template-id>"};
 * pre-due steps are {@code "<CHANNEL> <template-id>"}.
 *
 * @param buckets              bucket labels, as the account service names them
 * @param segmentOrder         segment names, tried in order; the first that matches wins
 * @param segments             conditions of the segments that have any
 * @param ladders              arm -> segment -> bucket -> steps
 * @param challengerShare      share of new cases, 0 to 1, given the {@code challenger} arm
 * @param fallbackOrder        contact channels tried, in order, when a step fails
 * @param fallbackOnSuppressed suppression reasons that also fall back (others are the law speaking)
 */
public record StrategyDefinition(
        List<String> buckets,
        List<String> segmentOrder,
        Map<String, Segment> segments,
        Map<String, Map<String, Map<String, List<String>>>> ladders,
        double challengerShare,
        List<String> fallbackOrder,
        List<String> fallbackOnSuppressed,
        List<String> preDue,
        String planReminder,
        String promiseReminder) {
}
