package io.arrears.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

class IsoTimesTest {

    /** The time module alone, configured as the events' codec is: what the short way must agree with. */
    private static final ObjectMapper TIME_MODULE = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private static final List<String> ODD_TIMES = List.of(
            "2031-02-30T10:00:00Z", "2031-02-27T24:00:00Z", "2031-02-27T23:59:60Z", "2031-02-27T10:00Z", "2031-02-27t10:00:00z",
            "2031-02-27T10:00:00.1234567891Z", "2031-02-27T10:00:00.Z", "2031-02-27T10:00:00-00:00", "2031-02-27T10:00:00+0800",
            "2031-02-27T10:00:00+08", "2031-02-27T10:00:00+18:01", "2031-02-27T10:00:00+08:60", "2031-02-27T10:00:00+05:30:15",
            "+12031-02-27T10:00:00Z", " 2031-02-27T10:00:00Z", "2031-02-27T10:00:00Z ", "2031-2-27T10:00:00Z", "2031-02-27 10:00:00Z",
            "2031-02-27T10:00:00", "2031-02-27T1O:00:00Z", "\u0662031-02-27T10:00:00Z", "0000-01-01T00:00:00Z", "2031-02-27T10:00:00.000Z",
            "2031-02-27T10:00:00.5-03:30", "2031-02-27T10:00:00+14:00", "2031-02-27T10:00:00-18:00", "");

    private static final List<String> ODD_DATES = List.of(
            "2031-02-29", "2032-02-29", "2031-13-01", "2031-00-10", "2031-1-01", "+12031-01-01", "2031-01-01 ", "2031/01/01",
            "0000-01-01", "20310101", "\u0662031-01-01", "");

    @Test
    void timesAreWrittenAsTheFormatterWritesThemAndReadBackTheShortWayToTheSameValue() {
        Random random = new Random(20261204);
        for (int i = 0; i < 20_000; i++) {
            OffsetDateTime time = randomTime(random);
            String text = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);

            assertThat(IsoTimes.format(time)).as("format of %s", time).isEqualTo(text);
            assertThat(IsoTimes.parseOffsetDateTime(text)).as("parse of %s", text).isEqualTo(OffsetDateTime.parse(text));
            if (time.getOffset().getTotalSeconds() % 60 == 0 && time.getYear() >= 0 && time.getYear() <= 9999) {
                assertThat(IsoTimes.offsetDateTime(text)).as("the short way takes %s", text).isEqualTo(time);
            }
        }
    }

    @Test
    void anyOtherTimeTextHasTheFormattersAnswerOrItsFailure() {
        for (String text : ODD_TIMES) {
            assertThat(outcome(() -> IsoTimes.parseOffsetDateTime(text))).as(text).isEqualTo(outcome(() -> OffsetDateTime.parse(text)));
        }
    }

    @Test
    void datesAreReadAsTheFormatterReadsThem() {
        Random random = new Random(4);
        for (int i = 0; i < 5_000; i++) {
            LocalDate date = LocalDate.ofEpochDay(random.nextInt(3_000_000) - 700_000);
            String text = date.toString();
            assertThat(outcome(() -> IsoTimes.parseLocalDate(text))).as(text).isEqualTo(outcome(() -> LocalDate.parse(text)));
        }
        for (String text : ODD_DATES) {
            assertThat(outcome(() -> IsoTimes.parseLocalDate(text))).as(text).isEqualTo(outcome(() -> LocalDate.parse(text)));
        }
    }

    @Test
    void theEventCodecWritesAndReadsTimesAsTheTimeModuleDoes() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            OffsetDateTime time = randomTime(random);
            assertThat(EventJson.mapper().writeValueAsString(time)).isEqualTo(TIME_MODULE.writeValueAsString(time));
        }
        List<String> texts = new ArrayList<>(ODD_TIMES);
        texts.add("2031-02-27T10:00:00.123+08:00");
        for (String text : texts) {
            String json = TIME_MODULE.writeValueAsString(text);
            assertThat(outcome(() -> EventJson.mapper().readValue(json, OffsetDateTime.class))).as(text)
                    .isEqualTo(outcome(() -> TIME_MODULE.readValue(json, OffsetDateTime.class)));
        }
        for (String text : ODD_DATES) {
            String json = TIME_MODULE.writeValueAsString(text);
            assertThat(outcome(() -> EventJson.mapper().readValue(json, LocalDate.class))).as(text)
                    .isEqualTo(outcome(() -> TIME_MODULE.readValue(json, LocalDate.class)));
        }
        assertThat(EventJson.mapper().readValue("1700000000.5", OffsetDateTime.class))
                .isEqualTo(TIME_MODULE.readValue("1700000000.5", OffsetDateTime.class));
    }

    /** Years across the calendar's edges, fractions of every precision, offsets whole, half and with seconds. */
    private static OffsetDateTime randomTime(Random random) {
        int year = switch (random.nextInt(10)) {
            case 0 -> random.nextInt(10_000);
            case 1 -> 10_000 + random.nextInt(90_000);
            case 2 -> -random.nextInt(5_000);
            default -> 1990 + random.nextInt(80);
        };
        int nano = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1000;
            default -> random.nextInt(1_000_000_000);
        };
        int offsetSeconds = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> (random.nextInt(37) - 18) * 3600;
            case 2 -> (random.nextInt(73) - 36) * 1800;
            default -> random.nextInt(2 * 64_800 + 1) - 64_800;
        };
        LocalDate date = LocalDate.of(year, 1, 1).plusDays(random.nextInt(366)).withYear(year);
        return OffsetDateTime.of(date.getYear(), date.getMonthValue(), date.getDayOfMonth(), random.nextInt(24), random.nextInt(60),
                random.nextInt(60), nano, ZoneOffset.ofTotalSeconds(offsetSeconds));
    }

    /** The value, or the kind of failure: two ways of reading agree when these are equal. */
    private static Object outcome(Callable<?> read) {
        try {
            return read.call();
        } catch (Exception e) {
            return e.getClass();
        }
    }
}
