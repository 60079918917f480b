package io.arrears.reminder.strategy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a case enters a bucket's ladder. The steps whose day has come collapse to the latest of them,
 * due today, because that is the step the bucket calls for now; earlier ones would only be a burst of
 * stale notices. Later steps fall on their own day.
 */
public final class LadderEntry {

    private LadderEntry() {
    }

    public record Planned(Step step, LocalDate dueOn) {
    }

    public static List<Planned> plan(List<Step> steps, LocalDate dayOne, LocalDate today) {
        int ladderDay = (int) java.time.temporal.ChronoUnit.DAYS.between(dayOne, today) + 1;
        int latestCome = steps.stream().mapToInt(Step::day).filter(d -> d <= ladderDay).max().orElse(Integer.MIN_VALUE);
        List<Planned> planned = new ArrayList<>();
        for (Step step : steps) {
            if (step.day() > ladderDay) {
                planned.add(new Planned(step, dayOne.plusDays(step.day() - 1L)));
            } else if (step.day() == latestCome) {
                planned.add(new Planned(step, today));
            }
        }
        return planned;
    }
}
