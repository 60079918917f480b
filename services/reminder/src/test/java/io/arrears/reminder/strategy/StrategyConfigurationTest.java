package io.arrears.reminder.strategy;

import io.arrears.events.Channel;
import io.arrears.events.DeliveryStatus;
import io.arrears.events.SuppressionReason;
import io.arrears.reminder.config.StrategyConfig;
import io.arrears.reminder.config.StrategyProducer;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The strategy exactly as the service reads it: application.properties through SmallRye Config, then checked. */
class StrategyConfigurationTest {

    @Test
    void theShippedStrategyLoadsWithTheLadderOfTheDesign() {
        TreatmentStrategy strategy = load(Map.of());

        assertThat(strategy.ladder("champion", "standard", "1-29")).extracting(Step::toString)
                .containsExactly("1 SMS overdue-notice", "1 EMAIL overdue-notice", "5 VOICE overdue-call", "10 AGENT_CALL agent-call",
                        "20 SMS second-notice");
        assertThat(strategy.ladder("champion", "standard", "30-59")).extracting(Step::channel).startsWith(StepChannel.LETTER);
        assertThat(strategy.ladder("champion", "standard", "60-89")).extracting(Step::channel).contains(StepChannel.AGENCY);
        assertThat(strategy.ladder("champion", "standard", "90-119")).extracting(Step::channel).containsExactly(StepChannel.LEGAL_REVIEW);
        assertThat(strategy.preDue()).containsExactly(new TreatmentStrategy.PreDueStep(Channel.SMS, "pre-due-reminder"));
    }

    @Test
    void aSegmentWithoutItsOwnLadderForABucketFollowsTheLastSegment() {
        TreatmentStrategy strategy = load(Map.of());

        assertThat(strategy.segmentFor(new CaseFacts(new BigDecimal("25000"), 1, null, 0))).isEqualTo("high-balance");
        assertThat(strategy.segmentFor(new CaseFacts(new BigDecimal("25000"), 1, null, 2))).isEqualTo("repeat-breaker");
        assertThat(strategy.segmentFor(new CaseFacts(new BigDecimal("100"), 1, null, 0))).isEqualTo("standard");
        assertThat(strategy.ladder("champion", "high-balance", "30-59")).isEqualTo(strategy.ladder("champion", "standard", "30-59"));
        assertThat(strategy.ladder("champion", "high-balance", "1-29")).isNotEqualTo(strategy.ladder("champion", "standard", "1-29"));
    }

    @Test
    void aSegmentCanSelectCardProducts() {
        TreatmentStrategy strategy = load(Map.of(
                "reminder.strategy.segment-order", "premium,repeat-breaker,high-balance,standard",
                "reminder.strategy.segments.premium.products", "PLATINUM,BLACK",
                "reminder.strategy.ladders.champion.premium.1-29", "1 EMAIL overdue-notice, 3 AGENT_CALL agent-call"));

        assertThat(strategy.segmentFor(new CaseFacts(new BigDecimal("100"), 1, "PLATINUM", 0))).isEqualTo("premium");
        assertThat(strategy.segmentFor(new CaseFacts(new BigDecimal("100"), 1, "CLASSIC", 0))).isEqualTo("standard");
        assertThat(strategy.segmentFor(new CaseFacts(new BigDecimal("100"), 1, null, 0))).isEqualTo("standard");
        assertThat(strategy.ladder("champion", "premium", "1-29")).extracting(Step::channel)
                .containsExactly(StepChannel.EMAIL, StepChannel.AGENT_CALL);
    }

    @Test
    void theChallengerShareSplitsNewCasesRepeatably() {
        TreatmentStrategy strategy = load(Map.of("reminder.strategy.challenger.share", "0.25"));

        long challengers = java.util.stream.IntStream.range(0, 4000).mapToObj(i -> "CASE-" + i)
                .filter(id -> strategy.armFor(id).equals("challenger")).count();
        assertThat(challengers).isBetween(850L, 1150L);
        assertThat(strategy.armFor("CASE-42")).isEqualTo(strategy.armFor("CASE-42"));
        assertThat(load(Map.of()).armFor("CASE-42")).isEqualTo("champion");
    }

    @Test
    void fallbackTakesTheFirstChannelNotYetUsedForTheNotice() {
        TreatmentStrategy strategy = load(Map.of());

        assertThat(strategy.fallbackAfter(List.of(Channel.SMS), Set.of(Channel.SMS))).contains(Channel.EMAIL);
        assertThat(strategy.fallbackAfter(List.of(Channel.SMS), Set.of(Channel.SMS, Channel.EMAIL))).contains(Channel.LETTER);
        assertThat(strategy.fallbackAfter(List.of(Channel.SMS, Channel.EMAIL, Channel.LETTER), Set.of())).isEmpty();
        assertThat(strategy.fallsBack(DeliveryStatus.FAILED, "gateway timeout")).isTrue();
        assertThat(strategy.fallsBack(DeliveryStatus.SUPPRESSED, "NO_CONTACT_POINT: no email on file")).isTrue();
        assertThat(strategy.fallsBack(DeliveryStatus.SUPPRESSED, "OPTED_OUT")).isFalse();
        assertThat(strategy.fallsBack(DeliveryStatus.DELIVERED, null)).isFalse();
    }

    @Test
    void everyProblemOfABadStrategyIsReportedWithItsKey() {
        Map<String, String> bad = new HashMap<>();
        bad.put("reminder.strategy.ladders.champion.standard.1-29", "1 SMS overdue-notice, 45 VOICE overdue-call, 2 FAX x, two SMS y");
        bad.put("reminder.strategy.ladders.champion.standard.45-50", "45 SMS z");
        bad.put("reminder.strategy.segment-order", "standard,high-balance,repeat-breaker");
        bad.put("reminder.strategy.challenger.share", "1.5");
        bad.put("reminder.strategy.fallback-order", "SMS,AGENCY");
        bad.put("reminder.strategy.plan-reminder", "3 AGENT_CALL x");
        bad.put("reminder.strategy.fallback-on-suppressed", "NO_CONTACT_POINT,NO_PHONE");

        assertThatThrownBy(() -> load(bad))
                .isInstanceOf(InvalidStrategyException.class)
                .satisfies(e -> assertThat(((InvalidStrategyException) e).problems()).containsExactlyInAnyOrder(
                        "reminder.strategy.challenger.share: 1.5 is not between 0 and 1",
                        "reminder.strategy.segment-order: 'high-balance' can never match, because 'standard' before it has no conditions",
                        "reminder.strategy.segment-order: 'repeat-breaker' can never match, because 'standard' before it has no conditions",
                        "reminder.strategy.segment-order: the last segment, 'repeat-breaker', must have no conditions, so that every case has a segment",
                        "reminder.strategy.ladders.challenger.repeat-breaker: the last segment needs a ladder, "
                                + "other segments follow it where they have none",
                        "reminder.strategy.ladders.champion.standard.1-29: step '45 VOICE overdue-call': day 45 is outside bucket 1-29",
                        "reminder.strategy.ladders.champion.standard.1-29: '2 FAX x': channel 'FAX' is not one of "
                                + "[SMS, EMAIL, VOICE, LETTER, AGENT_CALL, AGENCY, LEGAL_REVIEW]",
                        "reminder.strategy.ladders.champion.standard.1-29: 'two SMS y': day 'two' is not a whole number",
                        "reminder.strategy.ladders.champion.standard.45-50: no such bucket in reminder.strategy.buckets",
                        "reminder.strategy.fallback-order: AGENCY is not a contact channel (SMS, EMAIL, VOICE, LETTER)",
                        "reminder.strategy.plan-reminder: '3 AGENT_CALL x' must use SMS, EMAIL, VOICE or LETTER",
                        "reminder.strategy.fallback-on-suppressed: NO_PHONE is not one of " + java.util.Arrays.toString(SuppressionReason.values())))
                .hasMessageStartingWith("the treatment strategy (reminder.strategy.*) is invalid:");
    }

    @Test
    void aChallengerShareWithoutAChallengerLadderIsRefused() {
        Map<String, String> properties = new HashMap<>(shipped());
        properties.keySet().removeIf(k -> k.startsWith("reminder.strategy.ladders.challenger."));
        properties.put("reminder.strategy.challenger.share", "0.1");

        assertThatThrownBy(() -> loadExactly(properties)).isInstanceOf(InvalidStrategyException.class)
                .hasMessageContaining("reminder.strategy.challenger.share: 0.1 of cases would get the challenger arm");
    }

    static TreatmentStrategy load(Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>(shipped());
        properties.putAll(overrides);
        return loadExactly(properties);
    }

    private static TreatmentStrategy loadExactly(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withMapping(StrategyConfig.class)
                .build();
        return TreatmentStrategy.from(StrategyProducer.definition(config.getConfigMapping(StrategyConfig.class)));
    }

    private static Map<String, String> shipped() {
        Properties properties = new Properties();
        try (InputStream in = StrategyConfigurationTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> strategy = new HashMap<>();
        properties.stringPropertyNames().stream().filter(k -> k.startsWith("reminder.strategy."))
                .forEach(k -> strategy.put(k, properties.getProperty(k)));
        return strategy;
    }
}
