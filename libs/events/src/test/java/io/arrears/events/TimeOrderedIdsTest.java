package io.arrears.events;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeOrderedIdsTest {

    @Test
    void anIdIsAVersionSevenUuidCarryingTheMillisecondItWasMadeIn() {
        long before = System.currentTimeMillis();
        UUID id = UUID.fromString(TimeOrderedIds.next());
        long after = System.currentTimeMillis();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
    }

    @Test
    void idsMadeInLaterMillisecondsSortAfterEarlierOnesAsText() {
        Random random = new Random(18);
        for (int i = 0; i < 20_000; i++) {
            long earlier = random.nextLong((1L << 48) - 4);
            // Half of the pairs a millisecond or three apart, where only the time's last bits tell them apart.
            long later = i % 2 == 0 ? earlier + 1 + random.nextInt(3) : earlier + 1 + random.nextLong((1L << 48) - 1 - earlier);
            String first = TimeOrderedIds.next(earlier, random).toString();
            String second = TimeOrderedIds.next(later, random).toString();
            // Byte order, as the databases' C collation and String.compareTo compare them.
            assertThat(first.compareTo(second)).as("%s made at %d against %s at %d", first, earlier, second, later).isNegative();
        }
    }

    @Test
    void idsMadeInOneMillisecondDifferInTheirRandomBitsAndKeepVersionAndVariant() {
        Random random = new Random(7);
        Set<UUID> seen = new HashSet<>();
        long now = 1_930_000_000_000L;
        for (int i = 0; i < 50_000; i++) {
            UUID id = TimeOrderedIds.next(now, random);
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(now);
            seen.add(id);
        }
        assertThat(seen).hasSize(50_000);
    }

    @Test
    void theSharedGeneratorNeverRepeatsItself() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(TimeOrderedIds.next());
        }
        assertThat(seen).hasSize(100_000);
    }

    @Test
    void aTimeOutsideFortyEightBitsIsRefused() {
        assertThatThrownBy(() -> TimeOrderedIds.next(-1, new Random())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeOrderedIds.next(1L << 48, new Random())).isInstanceOf(IllegalArgumentException.class);
    }
}
