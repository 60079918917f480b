package io.arrears.rules;

import io.arrears.events.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ComplianceGuardTest {

    private static final PolicyPack US = new PolicyPack("us-reg-f", LocalTime.of(8, 0), LocalTime.of(21, 0),
            Set.of(Channel.SMS, Channel.EMAIL, Channel.VOICE), 3, Set.of(Channel.SMS, Channel.VOICE),
            Map.of(Channel.VOICE, new FrequencyCap(7, Duration.ofDays(7))), Set.of(Channel.SMS));
    private final ComplianceGuard guard = new ComplianceGuard(US);

    @ParameterizedTest(name = "{0} at {1} local: {2}")
    @CsvSource({
            "Asia/Shanghai,    2030-03-04T20:59, SEND",
            "Asia/Shanghai,    2030-03-04T21:01, DEFER",
            "America/New_York, 2030-03-04T20:59, SEND",
            "America/New_York, 2030-03-04T21:01, DEFER",
            "America/New_York, 2030-03-04T07:59, DEFER",
            "America/New_York, 2030-03-04T08:00, SEND"})
    void theContactWindowIsTheCardholdersOwn(String zone, LocalDateTime local, Decision.Verdict verdict) {
        ZoneId z = ZoneId.of(zone);
        Decision decision = guard.decide(call(z, 0, 0), local.atZone(z).toInstant());

        assertThat(decision.verdict()).isEqualTo(verdict);
        if (verdict == Decision.Verdict.DEFER) {
            assertThat(decision.rule()).isEqualTo(Decision.CONTACT_WINDOW);
            LocalDateTime next = LocalDateTime.ofInstant(decision.until(), z);
            assertThat(next.toLocalTime()).isEqualTo(LocalTime.of(8, 0));
            assertThat(next).isAfter(local).isBefore(local.plusHours(12));
        }
    }

    @Test
    void theSameInstantIsDaytimeInOneZoneAndNightInAnother() {
        Instant instant = LocalDateTime.parse("2030-03-04T21:30").atZone(ZoneId.of("Asia/Shanghai")).toInstant();

        assertThat(guard.decide(call(ZoneId.of("Asia/Shanghai"), 0, 0), instant).verdict()).isEqualTo(Decision.Verdict.DEFER);
        assertThat(guard.decide(call(ZoneId.of("Europe/London"), 0, 0), instant).verdict()).isEqualTo(Decision.Verdict.SEND);
    }

    @Test
    void theEighthCallInSevenDaysIsSuppressed() {
        Instant noon = LocalDateTime.parse("2030-03-04T12:00").atZone(ZoneId.of("America/Chicago")).toInstant();

        assertThat(guard.decide(call(ZoneId.of("America/Chicago"), 6, 0), noon).verdict()).isEqualTo(Decision.Verdict.SEND);
        Decision eighth = guard.decide(call(ZoneId.of("America/Chicago"), 7, 0), noon);
        assertThat(eighth.verdict()).isEqualTo(Decision.Verdict.SUPPRESS);
        assertThat(eighth.reason()).startsWith("FREQUENCY_CAP: 7 VOICE attempts in 7 days; policy pack us-reg-f allows 7");
    }

    @Test
    void theDailyCapDefersToTheNextDaysWindow() {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Decision decision = guard.decide(call(zone, 0, 3), LocalDateTime.parse("2030-03-04T15:00").atZone(zone).toInstant());

        assertThat(decision.verdict()).isEqualTo(Decision.Verdict.DEFER);
        assertThat(decision.rule()).isEqualTo(Decision.DAILY_CAP);
        assertThat(LocalDateTime.ofInstant(decision.until(), zone)).isEqualTo(LocalDateTime.parse("2030-03-05T08:00"));
    }

    @Test
    void whatTheCardholderOrTheLawForbidsIsSuppressedEvenAtNight() {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Instant night = LocalDateTime.parse("2030-03-04T23:00").atZone(zone).toInstant();

        assertThat(guard.decide(new Circumstances(Channel.EMAIL, zone, true, false, false, false, 0, 0), night).reason())
                .startsWith("OPTED_OUT");
        assertThat(guard.decide(new Circumstances(Channel.SMS, zone, true, false, false, null, 0, 0), night).reason())
                .isEqualTo("NO_CONSENT: policy pack us-reg-f needs consent for SMS");
        assertThat(guard.decide(new Circumstances(Channel.SMS, zone, true, true, false, true, 0, 0), night).rule()).isEqualTo("DO_NOT_CONTACT");
        assertThat(guard.decide(new Circumstances(Channel.SMS, zone, true, false, true, true, 0, 0), night).rule()).isEqualTo("COMPLAINT_HOLD");
        assertThat(guard.decide(new Circumstances(Channel.LETTER, zone, false, false, false, null, 0, 0), night).rule())
                .isEqualTo("NO_CONTACT_POINT");
    }

    @Test
    void aLetterIsNotHeldToTheHourOfTheDay() {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Decision decision = guard.decide(new Circumstances(Channel.LETTER, zone, true, false, false, null, 0, 9),
                LocalDateTime.parse("2030-03-04T23:30").atZone(zone).toInstant());

        assertThat(decision.verdict()).isEqualTo(Decision.Verdict.SEND);
    }

    private static Circumstances call(ZoneId zone, int callsThisWeek, int today) {
        return new Circumstances(Channel.VOICE, zone, true, false, false, null, callsThisWeek, today);
    }
}
