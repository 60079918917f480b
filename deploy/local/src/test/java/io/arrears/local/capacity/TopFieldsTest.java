package io.arrears.local.capacity;

import io.arrears.events.Channel;
import io.arrears.events.DeliveryStatus;
import io.arrears.events.EventJson;
import io.arrears.events.ReminderSent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopFieldsTest {

    @Test
    void readsTheNamedFieldsOfAnEventAsItsJsonCarriesThem() {
        OffsetDateTime at = OffsetDateTime.parse("2026-12-01T02:00:00.123456Z");
        byte[] json = EventJson.write(new ReminderSent("r-1", "c-1", "a-1", Channel.SMS, DeliveryStatus.DELIVERED, null, "m-9", at));

        String[] fields = new TopFields("status", "reminderId", "at", "reason").of(json);

        assertThat(fields[0]).isEqualTo("DELIVERED");
        assertThat(fields[1]).isEqualTo("r-1");
        assertThat(OffsetDateTime.parse(fields[2])).isEqualTo(at);
        assertThat(fields[3]).isNull();
    }

    /** A nested object is passed over whole: a field of the same name inside it is not the event's own. */
    @Test
    void readsOnlyTheTopLevel() {
        byte[] json = """
                {"facts": {"accountId": "inner", "list": [{"accountId": "deeper"}]}, "n": 3, "accountId": "outer", "cured": true}"""
                .getBytes(StandardCharsets.UTF_8);

        String[] fields = new TopFields("accountId", "cured", "absent").of(json);

        assertThat(fields).containsExactly("outer", "true", null);
    }

    @Test
    void refusesWhatIsNotAnObject() {
        assertThatThrownBy(() -> new TopFields("a").of("[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
