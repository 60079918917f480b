package io.arrears.complaint.sla;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SlaPolicyTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final BusinessCalendar calendar = new BusinessCalendar(
            Set.of(LocalDate.parse("2030-02-04"), LocalDate.parse("2030-02-05"), LocalDate.parse("2030-02-06")),
            Set.of(LocalDate.parse("2030-02-09")));
    private final SlaPolicy policy = new SlaPolicy(1, 15, calendar, SHANGHAI);

    @Test
    void acknowledgementSkipsTheWeekendAndTheHolidays() {
        Instant fridayMorning = at("2030-02-01T10:00");

        assertThat(policy.acknowledgeDue(fridayMorning)).isEqualTo(at("2030-02-08T00:00"));
        assertThat(calendar.plusBusinessDays(LocalDate.parse("2030-02-01"), 1)).isEqualTo(LocalDate.parse("2030-02-07"));
    }

    @Test
    void aMakeUpSaturdayIsABusinessDay() {
        assertThat(calendar.isBusinessDay(LocalDate.parse("2030-02-09"))).isTrue();
        assertThat(calendar.isBusinessDay(LocalDate.parse("2030-02-10"))).isFalse();
        assertThat(calendar.plusBusinessDays(LocalDate.parse("2030-02-08"), 1)).isEqualTo(LocalDate.parse("2030-02-09"));
    }

    @Test
    void resolutionCountsCalendarDaysEndingAtTheBanksMidnight() {
        assertThat(policy.resolveDue(at("2030-02-01T23:30"))).isEqualTo(at("2030-02-17T00:00"));
        assertThat(policy.resolveDue(at("2030-02-01T00:10"))).isEqualTo(at("2030-02-17T00:00"));
    }

    @Test
    void aComplaintReceivedOnAThursdayBeforeAnOrdinaryWeekendIsDueOnFriday() {
        assertThat(policy.acknowledgeDue(at("2030-03-07T16:00"))).isEqualTo(at("2030-03-09T00:00"));
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }
}
