package io.arrears.agency.actions;

import io.arrears.events.AgencyAction;
import io.arrears.rules.Circumstances;
import io.arrears.rules.ComplianceGuard;
import io.arrears.rules.FrequencyCap;
import io.arrears.rules.PolicyPack;
import io.arrears.rules.StatutoryRules;
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

class ActionGateTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final PolicyPack CN = new PolicyPack("cn", LocalTime.of(8, 0), LocalTime.of(21, 0), Set.of(Channel.SMS, Channel.EMAIL, Channel.VOICE),
            3, Set.of(Channel.SMS, Channel.VOICE), Map.of(Channel.VOICE, new FrequencyCap(7, Duration.ofDays(7))), Set.of(), StatutoryRules.CN);
    private final ActionGate gate = new ActionGate(new ComplianceGuard(CN), 1, Duration.ofDays(7));

    private static Instant at(int hour, int minute) {
        return LocalDateTime.of(2030, 4, 1, hour, minute).atZone(SHANGHAI).toInstant();
    }

    private static ActionGate.Facts call() {
        return new ActionGate.Facts(AgencyAction.CALL, Set.of(AgencyAction.CALL, AgencyAction.VISIT, AgencyAction.LETTER), true, SHANGHAI, true,
                false, false, 0, 0, Circumstances.Calls.NONE, 0);
    }

    @Test
    void aCallAt2300LocalTimeIsRefusedByTheContactWindowAndOneAt1000IsAllowed() {
        ActionGate.Verdict late = gate.decide(call(), at(23, 0));
        assertThat(late.allowed()).isFalse();
        assertThat(late.rule()).isEqualTo("CONTACT_WINDOW");
        assertThat(late.detail()).contains("08:00-21:00").contains("Asia/Shanghai");
        assertThat(gate.decide(call(), at(10, 0)).allowed()).isTrue();
    }

    @Test
    void aNumberThatIsNotTheCardholdersIsAThirdPartyWhateverTheHour() {
        ActionGate.Facts f = call();
        ActionGate.Verdict v = gate.decide(new ActionGate.Facts(f.action(), f.contracted(), true, SHANGHAI, false, false, false, 0, 0,
                Circumstances.Calls.NONE, 0), at(10, 0));
        assertThat(v.rule()).isEqualTo(ActionGate.THIRD_PARTY);
    }

    @Test
    void theContractComesFirst() {
        ActionGate.Facts sms = new ActionGate.Facts(AgencyAction.SMS, Set.of(AgencyAction.CALL), true, SHANGHAI, true, false, false, 0, 0,
                Circumstances.Calls.NONE, 0);
        assertThat(gate.decide(sms, at(10, 0)).rule()).isEqualTo(ActionGate.CHANNEL_NOT_CONTRACTED);
        ActionGate.Facts ended = new ActionGate.Facts(AgencyAction.CALL, Set.of(AgencyAction.CALL), false, SHANGHAI, true, false, false, 0, 0,
                Circumstances.Calls.NONE, 0);
        assertThat(gate.decide(ended, at(10, 0)).rule()).isEqualTo(ActionGate.CONTRACT_ENDED);
    }

    @Test
    void theBanksOwnCallsCountTowardsTheDebtorsThreeConversationsADay() {
        ActionGate.Facts third = new ActionGate.Facts(AgencyAction.CALL, Set.of(AgencyAction.CALL), true, SHANGHAI, true, false, false, 2, 2,
                new Circumstances.Calls(0, 3, null), 0);
        ActionGate.Verdict v = gate.decide(third, at(11, 0));
        assertThat(v.allowed()).isFalse();
        assertThat(v.rule()).isEqualTo("CONVERSATIONS");
    }

    @Test
    void aCardholderWhoOptedOutOfCallsGetsNoAgencyCall() {
        ActionGate.Facts optedOut = new ActionGate.Facts(AgencyAction.CALL, Set.of(AgencyAction.CALL), true, SHANGHAI, true, false, false, 0, 0,
                Circumstances.Calls.NONE, 0, false);
        assertThat(gate.decide(optedOut, at(10, 0)).rule()).isEqualTo("OPTED_OUT");
    }

    @Test
    void aComplaintsHoldAndDoNotContactStopEveryAction() {
        ActionGate.Facts held = new ActionGate.Facts(AgencyAction.VISIT, Set.of(AgencyAction.VISIT), true, SHANGHAI, true, false, true, 0, 0,
                Circumstances.Calls.NONE, 0);
        assertThat(gate.decide(held, at(10, 0)).rule()).isEqualTo("COMPLAINT_HOLD");
        ActionGate.Facts dnc = new ActionGate.Facts(AgencyAction.CALL, Set.of(AgencyAction.CALL), true, SHANGHAI, true, true, false, 0, 0,
                Circumstances.Calls.NONE, 0);
        assertThat(gate.decide(dnc, at(10, 0)).rule()).isEqualTo("DO_NOT_CONTACT");
    }

    @Test
    void aVisitKeepsToTheContactWindowAndItsOwnCap() {
        ActionGate.Facts visit = new ActionGate.Facts(AgencyAction.VISIT, Set.of(AgencyAction.VISIT), true, SHANGHAI, true, false, false, 0, 0,
                Circumstances.Calls.NONE, 0);
        assertThat(gate.decide(visit, at(7, 30)).rule()).isEqualTo("CONTACT_WINDOW");
        assertThat(gate.decide(visit, at(15, 0)).allowed()).isTrue();
        ActionGate.Facts second = new ActionGate.Facts(AgencyAction.VISIT, Set.of(AgencyAction.VISIT), true, SHANGHAI, true, false, false, 0, 0,
                Circumstances.Calls.NONE, 1);
        assertThat(gate.decide(second, at(15, 0)).rule()).isEqualTo(ActionGate.VISIT_CAP);
    }
}
