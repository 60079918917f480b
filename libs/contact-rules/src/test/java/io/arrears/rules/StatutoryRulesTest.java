package io.arrears.rules;

import io.arrears.events.Channel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each rule of the cn and us-reg-f packs, named by the rule it follows. */
class StatutoryRulesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final Set<Channel> CONTACT = Set.of(Channel.SMS, Channel.EMAIL, Channel.VOICE);
    private static final PolicyPack CN = new PolicyPack("cn", LocalTime.of(8, 0), LocalTime.of(21, 0), CONTACT, 10,
            Set.of(Channel.SMS, Channel.VOICE), Map.of(), Set.of(), StatutoryRules.CN);
    private static final PolicyPack US = new PolicyPack("us-reg-f", LocalTime.of(8, 0), LocalTime.of(21, 0), CONTACT, 10,
            Set.of(Channel.SMS, Channel.VOICE), Map.of(Channel.VOICE, new FrequencyCap(7, Duration.ofDays(7))), Set.of(),
            StatutoryRules.US_REG_F);

    @Test
    void cnNoCollectionContactFrom2200To0800SoNoWindowMayReachIntoThoseHours() {
        assertThatThrownBy(() -> new PolicyPack("cn", LocalTime.of(7, 30), LocalTime.of(21, 0), CONTACT, 3, CONTACT, Map.of(), Set.of(),
                StatutoryRules.CN)).hasMessageContaining("wider than the lawful hours 08:00-22:00");
        assertThatThrownBy(() -> new PolicyPack("cn", LocalTime.of(8, 0), LocalTime.of(22, 30), CONTACT, 3, CONTACT, Map.of(), Set.of(),
                StatutoryRules.CN)).hasMessageContaining("wider than the lawful hours");
        assertThat(new PolicyPack("cn", LocalTime.of(8, 0), LocalTime.of(22, 0), CONTACT, 3, CONTACT, Map.of(), Set.of(),
                StatutoryRules.CN).windowEnd()).isEqualTo(LocalTime.of(22, 0));
        assertThat(new ComplianceGuard(CN).decide(voice(SHANGHAI, 0, 0, null), at(SHANGHAI, "2030-03-04T21:30")).rule())
                .isEqualTo(Decision.CONTACT_WINDOW);
    }

    @Test
    void cnAtMostSixUnansweredCallsADayToTheSameNumber() {
        ComplianceGuard guard = new ComplianceGuard(CN);
        Instant afternoon = at(SHANGHAI, "2030-03-04T15:00");

        assertThat(guard.decide(voice(SHANGHAI, 5, 0, null), afternoon).verdict()).isEqualTo(Decision.Verdict.SEND);
        Decision seventh = guard.decide(voice(SHANGHAI, 6, 0, null), afternoon);
        assertThat(seventh.verdict()).isEqualTo(Decision.Verdict.DEFER);
        assertThat(seventh.rule()).isEqualTo(Decision.UNANSWERED_CALLS);
        assertThat(LocalDateTime.ofInstant(seventh.until(), SHANGHAI)).isEqualTo(LocalDateTime.parse("2030-03-05T08:00"));
        assertThat(guard.decide(sms(SHANGHAI, 6, 0, null), afternoon).verdict()).isEqualTo(Decision.Verdict.SEND);
    }

    @Test
    void cnAtMostThreeEffectiveCallsADayWithOneDebtor() {
        ComplianceGuard guard = new ComplianceGuard(CN);
        Instant morning = at(SHANGHAI, "2030-03-04T10:00");

        assertThat(guard.decide(voice(SHANGHAI, 0, 2, null), morning).verdict()).isEqualTo(Decision.Verdict.SEND);
        Decision fourth = guard.decide(voice(SHANGHAI, 0, 3, null), morning);
        assertThat(fourth.verdict()).isEqualTo(Decision.Verdict.DEFER);
        assertThat(fourth.rule()).isEqualTo(Decision.CONVERSATIONS);
        assertThat(fourth.detail()).contains("3 answered calls with the debtor today").contains("allows 3");
    }

    @Test
    void regF1006_14b2iiNoCallWithinSevenDaysAfterATelephoneConversation() {
        ComplianceGuard guard = new ComplianceGuard(US);
        Instant now = at(CHICAGO, "2030-03-11T11:00");
        Instant sixDaysAgo = now.minus(Duration.ofDays(6));

        Decision decision = guard.decide(voice(CHICAGO, 0, 0, sixDaysAgo), now);
        assertThat(decision.verdict()).isEqualTo(Decision.Verdict.DEFER);
        assertThat(decision.rule()).isEqualTo(Decision.AFTER_CONVERSATION);
        assertThat(decision.until()).isEqualTo(sixDaysAgo.plus(Duration.ofDays(7)));
        assertThat(guard.decide(voice(CHICAGO, 0, 0, now.minus(Duration.ofDays(7)).minusSeconds(60)), now).verdict())
                .isEqualTo(Decision.Verdict.SEND);
        assertThat(guard.decide(sms(CHICAGO, 0, 0, sixDaysAgo), now).verdict()).isEqualTo(Decision.Verdict.SEND);
    }

    @Test
    void regF1006_14b2iSevenCallAttemptsInSevenDaysPerDebt() {
        ComplianceGuard guard = new ComplianceGuard(US);
        Instant now = at(CHICAGO, "2030-03-11T11:00");

        assertThat(guard.decide(new Circumstances(Channel.VOICE, CHICAGO, true, false, false, null, 6, 0), now).verdict())
                .isEqualTo(Decision.Verdict.SEND);
        assertThat(guard.decide(new Circumstances(Channel.VOICE, CHICAGO, true, false, false, null, 7, 0), now).verdict())
                .isEqualTo(Decision.Verdict.SUPPRESS);
    }

    @Test
    void regF1006_6b1iFromEightToNineLocalTime() {
        ComplianceGuard guard = new ComplianceGuard(US);

        assertThat(guard.decide(voice(CHICAGO, 0, 0, null), at(CHICAGO, "2030-03-11T07:59")).rule()).isEqualTo(Decision.CONTACT_WINDOW);
        assertThat(guard.decide(voice(CHICAGO, 0, 0, null), at(CHICAGO, "2030-03-11T08:00")).verdict()).isEqualTo(Decision.Verdict.SEND);
        assertThat(guard.decide(voice(CHICAGO, 0, 0, null), at(CHICAGO, "2030-03-11T21:00")).rule()).isEqualTo(Decision.CONTACT_WINDOW);
        assertThatThrownBy(() -> new PolicyPack("us-reg-f", LocalTime.of(8, 0), LocalTime.of(21, 30), CONTACT, 3, CONTACT, Map.of(),
                Set.of(), StatutoryRules.US_REG_F)).hasMessageContaining("08:00-21:00");
    }

    @Test
    void regF1006_6eEveryEmailAndTextCarriesAnOptOutAndChinaAsksNoSuchLine() {
        assertThat(StatutoryRules.of("us-reg-f").optOutInEveryMessage()).isTrue();
        assertThat(StatutoryRules.of("cn").optOutInEveryMessage()).isFalse();
    }

    private static Circumstances voice(ZoneId zone, int unanswered, int conversations, Instant lastConversation) {
        return new Circumstances(Channel.VOICE, zone, true, false, false, null, 0, 0,
                new Circumstances.Calls(unanswered, conversations, lastConversation));
    }

    private static Circumstances sms(ZoneId zone, int unanswered, int conversations, Instant lastConversation) {
        return new Circumstances(Channel.SMS, zone, true, false, false, null, 0, 0,
                new Circumstances.Calls(unanswered, conversations, lastConversation));
    }

    private static Instant at(ZoneId zone, String local) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }
}
