package io.arrears.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/**
 * ISO-8601 times and dates as the events carry them, read and written without {@link DateTimeFormatter} for the
 * one shape every service writes ({@code 2031-02-27T10:00:00.123+08:00}, {@code 2031-02-27}), and through it for
 * any other. On a statement day each event is read by up to four services, each parsing its {@code ce_time}
 * header and the times in its body, and every row written in bulk formats its times: the formatter's general
 * parse, which resolves a map of fields for every value, was up to a tenth of a consumer's CPU.
 *
 * <p>The results are the formatter's own: the same value for every text the short way takes, the same text for
 * every value it writes, and for anything else the formatter's answer, or its exception.
 */
public final class IsoTimes {

    private IsoTimes() {
    }

    /** As {@link OffsetDateTime#parse(CharSequence)}. */
    public static OffsetDateTime parseOffsetDateTime(CharSequence text) {
        OffsetDateTime read = offsetDateTime(text);
        return read != null ? read : OffsetDateTime.parse(text);
    }

    /** As {@link LocalDate#parse(CharSequence)}. */
    public static LocalDate parseLocalDate(CharSequence text) {
        LocalDate read = localDate(text);
        return read != null ? read : LocalDate.parse(text);
    }

    /** As {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}: seconds always, the fraction without trailing zeros, Z for UTC. */
    public static String format(OffsetDateTime time) {
        int year = time.getYear();
        if (year < 0 || year > 9999) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
        }
        StringBuilder text = new StringBuilder(35);
        digits(text, year, 4).append('-');
        digits(text, time.getMonthValue(), 2).append('-');
        digits(text, time.getDayOfMonth(), 2).append('T');
        digits(text, time.getHour(), 2).append(':');
        digits(text, time.getMinute(), 2).append(':');
        digits(text, time.getSecond(), 2);
        int nano = time.getNano();
        if (nano != 0) {
            int width = 9;
            while (nano % 10 == 0) {
                nano /= 10;
                width--;
            }
            digits(text.append('.'), nano, width);
        }
        return text.append(time.getOffset().getId()).toString();
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f…](Z|±HH:MM)}, or null for the formatter to read. */
    static OffsetDateTime offsetDateTime(CharSequence s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = number(s, 0, 4);
        int month = number(s, 5, 2);
        int day = number(s, 8, 2);
        int hour = number(s, 11, 2);
        int minute = number(s, 14, 2);
        int second = number(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nano = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
                nano = nano * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i == start) {
                return null;
            }
            for (int width = i - start; width < 9; width++) {
                nano *= 10;
            }
        }
        ZoneOffset offset = offset(s, i);
        if (offset == null) {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** {@code Z} or {@code ±HH:MM} ending the text at {@code i}; -00:00 and anything else are left to the formatter. */
    private static ZoneOffset offset(CharSequence s, int i) {
        int n = s.length();
        if (i == n - 1 && s.charAt(i) == 'Z') {
            return ZoneOffset.UTC;
        }
        if (i != n - 6 || s.charAt(i + 3) != ':') {
            return null;
        }
        char sign = s.charAt(i);
        int hours = number(s, i + 1, 2);
        int minutes = number(s, i + 4, 2);
        if ((sign != '+' && sign != '-') || (hours | minutes) < 0 || (sign == '-' && hours == 0 && minutes == 0)) {
            return null;
        }
        try {
            return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** {@code yyyy-MM-dd}, or null for the formatter to read. */
    static LocalDate localDate(CharSequence s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int year = number(s, 0, 4);
        int month = number(s, 5, 2);
        int day = number(s, 8, 2);
        if ((year | month | day) < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** The decimal number in {@code s[from, from + width)}, or -1 if any of it is not an ASCII digit. */
    private static int number(CharSequence s, int from, int width) {
        int value = 0;
        for (int i = from; i < from + width; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static StringBuilder digits(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int pad = digits.length(); pad < width; pad++) {
            text.append('0');
        }
        return text.append(digits);
    }

    /** Jackson's writer of offset times: {@link #format}. */
    static final class OffsetDateTimeWriter extends StdSerializer<OffsetDateTime> {
        OffsetDateTimeWriter() {
            super(OffsetDateTime.class);
        }

        @Override
        public void serialize(OffsetDateTime value, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeString(format(value));
        }
    }

    /**
     * Jackson's reader of a time or date: the short way for the usual text, the time module's own reader for
     * anything else (other shapes, numbers, empty text), so its answers and its errors stay the module's.
     */
    static final class Reader<T> extends StdScalarDeserializer<T> {
        private final transient Function<CharSequence, T> shortWay;
        private final JsonDeserializer<T> otherwise;

        private Reader(Class<T> type, Function<CharSequence, T> shortWay, JsonDeserializer<T> otherwise) {
            super(type);
            this.shortWay = shortWay;
            this.otherwise = otherwise;
        }

        static Reader<OffsetDateTime> offsetDateTimes() {
            return new Reader<>(OffsetDateTime.class, IsoTimes::offsetDateTime, InstantDeserializer.OFFSET_DATE_TIME);
        }

        static Reader<LocalDate> localDates() {
            return new Reader<>(LocalDate.class, IsoTimes::localDate, LocalDateDeserializer.INSTANCE);
        }

        @Override
        public T deserialize(JsonParser json, DeserializationContext context) throws IOException {
            if (json.hasToken(JsonToken.VALUE_STRING)) {
                T read = shortWay.apply(json.getText());
                if (read != null) {
                    return read;
                }
            }
            return otherwise.deserialize(json, context);
        }
    }
}
