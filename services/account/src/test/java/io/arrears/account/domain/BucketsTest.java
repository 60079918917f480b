package io.arrears.account.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BucketsTest {

    @ParameterizedTest
    @CsvSource({"0, CURRENT", "1, 1-29", "29, 1-29", "30, 30-59", "59, 30-59", "60, 60-89", "89, 60-89", "90, 90-119",
            "119, 90-119", "120, 120-179", "179, 120-179", "180, 180+", "900, 180+"})
    void standardBuckets(int daysPastDue, String bucket) {
        assertThat(Buckets.standard().labelFor(daysPastDue)).isEqualTo(bucket);
    }

    @Test
    void ranksOrderBucketsFromCurrentToWorst() {
        Buckets buckets = Buckets.standard();
        assertThat(buckets.rank("CURRENT")).isLessThan(buckets.rank("1-29"));
        assertThat(buckets.rank("60-89")).isLessThan(buckets.rank("90-119"));
        assertThat(buckets.nextStartAfter(29)).hasValue(30);
        assertThat(buckets.nextStartAfter(180)).isEmpty();
    }

    @Test
    void configuredBucketsMustStartAtDayOneAndIncrease() {
        assertThatThrownBy(() -> new Buckets(List.of(5, 30))).hasMessageContaining("day 1");
        assertThatThrownBy(() -> new Buckets(List.of(1, 30, 30))).hasMessageContaining("increase");
        assertThat(new Buckets(List.of(1, 15)).labels()).containsExactly("1-14", "15+");
    }
}
