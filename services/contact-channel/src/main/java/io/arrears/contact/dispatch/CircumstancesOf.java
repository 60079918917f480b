package io.arrears.contact.dispatch;

import io.arrears.contact.config.ContactConfig;
import io.arrears.contact.customer.ContactPoint;
import io.arrears.contact.customer.CustomerDirectory;
import io.arrears.contact.customer.CustomerProfile;
import io.arrears.contact.customer.CustomerRepositories;
import io.arrears.rules.Circumstances;
import io.arrears.rules.ComplianceGuard;
import io.arrears.rules.FrequencyCap;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** Everything the guard weighs about one attempt, gathered from the records: the facts, never a decision. */
@ApplicationScoped
class CircumstancesOf {

    /** Longer than any local day, DST's 25 hours included: the day a daily cap counts begins within it. */
    private static final Duration LONGEST_LOCAL_DAY = Duration.ofHours(26);

    private final AttemptRepository attempts;
    private final CustomerDirectory directory;
    private final CustomerRepositories.Holds holds;
    private final ComplianceGuard guard;
    private final CallHistory callHistory;
    private final ContactConfig config;

    CircumstancesOf(AttemptRepository attempts, CustomerDirectory directory, CustomerRepositories.Holds holds, ComplianceGuard guard,
                    CallHistory callHistory, ContactConfig config) {
        this.attempts = attempts;
        this.directory = directory;
        this.holds = holds;
        this.guard = guard;
        this.callHistory = callHistory;
        this.config = config;
    }

    /** Reads what every attempt on these accounts will be judged on, once for all; their locks must be held already. */
    SliceFacts readAhead(Collection<String> accountIds, OffsetDateTime now) {
        Duration counted = guard.pack().caps().values().stream().map(FrequencyCap::per).reduce(LONGEST_LOCAL_DAY,
                (a, b) -> a.compareTo(b) >= 0 ? a : b);
        return new SliceFacts(directory.holdersOf(accountIds), holds.heldAmong(accountIds), attempts.handedOverSince(accountIds, now.minus(counted)));
    }

    Circumstances of(ContactAttempt attempt, CustomerProfile profile, Optional<ContactPoint> to, OffsetDateTime now, SliceFacts facts) {
        ZoneId zone = zoneOf(profile);
        Instant instant = now.toInstant();
        Duration capPeriod = guard.pack().cap(attempt.channel).map(FrequencyCap::per).orElse(Duration.ZERO);
        return new Circumstances(attempt.channel, zone, to.isPresent(), profile.doNotContact,
                facts.isHeld(attempt.accountId), facts.holders().consent(profile.customerId, attempt.channel),
                capPeriod.isZero() ? 0 : facts.handedOverSince(attempt.accountId, Set.of(attempt.channel), now.minus(capPeriod),
                        attempt.reminderId),
                facts.handedOverSince(attempt.accountId, guard.pack().dailyCapChannels(),
                        OffsetDateTime.ofInstant(ComplianceGuard.startOfDay(instant, zone), ZoneOffset.UTC), attempt.reminderId),
                callHistory.before(attempt, profile.customerId, to, instant, zone));
    }

    /** The cardholder's own zone; the bank's default when none is known or it is not a zone. */
    private ZoneId zoneOf(CustomerProfile profile) {
        try {
            return profile.timezone == null ? ZoneId.of(config.defaultTimezone()) : ZoneId.of(profile.timezone);
        } catch (DateTimeException e) {
            return ZoneId.of(config.defaultTimezone());
        }
    }
}
