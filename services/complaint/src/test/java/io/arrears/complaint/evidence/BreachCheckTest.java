package io.arrears.complaint.evidence;

import io.arrears.events.Channel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BreachCheckTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final BreachCheck check = new BreachCheck(new ContactRules(LocalTime.of(8, 0), LocalTime.of(21, 0),
            Set.of(Channel.SMS, Channel.EMAIL, Channel.VOICE), Map.of(Channel.VOICE, new ContactRules.Cap(7, Duration.ofDays(7)))));

    @Test
    void aNightTimeSmsIsFlaggedAndALetterNever() {
        List<BreachCheck.Flag> flags = check.check(List.of(
                new Contact("R1", Channel.SMS, at("2030-03-04T22:30"), "DELIVERED"),
                new Contact("R2", Channel.SMS, at("2030-03-04T20:59"), "DELIVERED"),
                new Contact("R3", Channel.LETTER, at("2030-03-04T23:00"), "SENT"),
                new Contact("R4", Channel.EMAIL, at("2030-03-05T07:59"), "SENT")), SHANGHAI);

        assertThat(flags).extracting(BreachCheck.Flag::reminderId).containsExactly("R1", "R4");
        assertThat(flags.get(0).detail()).isEqualTo("SMS at 22:30 Asia/Shanghai is outside 08:00-21:00");
    }

    @Test
    void theEighthCallInSevenDaysIsFlaggedAndACallAWeekLaterIsNot() {
        List<Contact> calls = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            calls.add(new Contact("C" + day, Channel.VOICE, at("2030-03-04T10:00").plus(Duration.ofDays(day)), "SENT"));
        }
        calls.add(new Contact("C7", Channel.VOICE, at("2030-03-10T15:00"), "SENT"));
        calls.add(new Contact("LATER", Channel.VOICE, at("2030-03-04T10:00").plus(Duration.ofDays(14)), "SENT"));

        List<BreachCheck.Flag> flags = check.check(calls, SHANGHAI);

        assertThat(flags).extracting(BreachCheck.Flag::reminderId).containsExactly("C7");
        assertThat(flags.get(0).rule()).isEqualTo("FREQUENCY_CAP");
        assertThat(flags.get(0).detail()).isEqualTo("VOICE attempt 8 within 7 days; the cap is 7");
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }
}
