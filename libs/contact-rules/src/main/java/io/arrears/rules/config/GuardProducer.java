package io.arrears.rules.config;

import io.arrears.rules.ComplianceGuard;
import io.arrears.rules.FrequencyCap;
import io.arrears.rules.PolicyPack;
import io.arrears.rules.StatutoryRules;
import io.arrears.events.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Builds the guard of the selected policy pack; a pack that does not make sense stops start-up, naming its key. */
@ApplicationScoped
public class GuardProducer {

    @Produces
    @Singleton
    ComplianceGuard guard(PolicyConfig config) {
        return new ComplianceGuard(pack(config));
    }

    public static PolicyPack pack(PolicyConfig config) {
        String name = config.pack();
        PolicyConfig.Pack pack = config.packs().get(name);
        if (pack == null) {
            throw new IllegalStateException("arrears.policy.pack=" + name + " is not one of " + config.packs().keySet());
        }
        String prefix = "arrears.policy.packs." + name + ".";
        List<String> problems = new ArrayList<>();
        Set<Channel> window = channels(pack.windowChannels(), prefix + "window-channels", problems);
        Set<Channel> daily = channels(pack.dailyCapChannels(), prefix + "daily-cap-channels", problems);
        Set<Channel> consent = channels(pack.consentRequired().orElse(List.of()), prefix + "consent-required", problems);
        Map<Channel, FrequencyCap> caps = new EnumMap<>(Channel.class);
        pack.caps().forEach((channel, cap) -> {
            Set<Channel> parsed = channels(List.of(channel), prefix + "caps." + channel, problems);
            try {
                parsed.forEach(c -> caps.put(c, new FrequencyCap(cap.max(), cap.per())));
            } catch (IllegalArgumentException e) {
                problems.add(prefix + "caps." + channel + ": " + e.getMessage());
            }
        });
        if (pack.dailyCap() < 1) {
            problems.add(prefix + "daily-cap: " + pack.dailyCap() + " would forbid all contact; it must be at least 1");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the contact policy is invalid:\n  " + String.join("\n  ", problems));
        }
        try {
            return new PolicyPack(name, pack.windowStart(), pack.windowEnd(), window, pack.dailyCap(), daily, caps, consent,
                    StatutoryRules.of(name));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the contact policy is invalid:\n  " + prefix + "window: " + e.getMessage());
        }
    }

    private static Set<Channel> channels(List<String> names, String key, List<String> problems) {
        Set<Channel> channels = new HashSet<>();
        for (String name : names) {
            try {
                channels.add(Channel.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add(key + ": '" + name + "' is not one of SMS, EMAIL, VOICE, LETTER");
            }
        }
        return channels;
    }
}
