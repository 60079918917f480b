package io.arrears.console.pages;

import io.arrears.events.TimeOrderedIds;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ShortIdsTest {

    @Test
    void aPrefixedUuidShowsItsPrefixAndItsLastEightCharacters() {
        assertThat(ShortIds.of("CASE-0197a1b2-c3d4-7e5f-8a6b-5e8c9f3a1b2d")).isEqualTo("CASE-9f3a1b2d");
        assertThat(ShortIds.of("PLAN-0197a1b2-c3d4-7e5f-8a6b-5e8c9f3a1b2d")).isEqualTo("PLAN-9f3a1b2d");
    }

    @Test
    void casesOpenedInTheSameMinuteStillReadApart() {
        Set<String> shown = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            shown.add(ShortIds.of("CASE-" + TimeOrderedIds.next()));
        }
        assertThat(shown).hasSize(1_000);
    }

    @Test
    void anythingElseIsShownWhole() {
        assertThat(ShortIds.of("ACC-10001")).isEqualTo("ACC-10001");
        assertThat(ShortIds.of("plain")).isEqualTo("plain");
        assertThat(ShortIds.of(null)).isEmpty();
    }
}
