package io.arrears.complaint.config;

import io.arrears.complaint.evidence.BreachCheck;
import io.arrears.complaint.evidence.ContactRules;
import io.arrears.complaint.sla.BusinessCalendar;
import io.arrears.complaint.sla.SlaPolicy;
import io.arrears.events.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@ApplicationScoped
class PolicyProducer {

    @Produces
    @Singleton
    SlaPolicy sla(ComplaintConfig config) {
        ComplaintConfig.Sla sla = config.sla();
        return new SlaPolicy(sla.acknowledgeBusinessDays(), sla.resolveCalendarDays(),
                new BusinessCalendar(new HashSet<>(sla.holidays().orElse(List.of())), new HashSet<>(sla.workingWeekends().orElse(List.of()))),
                ZoneId.of(sla.zone()));
    }

    @Produces
    @Singleton
    BreachCheck breachCheck(ComplaintConfig config) {
        ComplaintConfig.Evidence evidence = config.evidence();
        Map<Channel, ContactRules.Cap> caps = new EnumMap<>(Channel.class);
        evidence.caps().forEach((channel, cap) -> caps.put(Channel.valueOf(channel.toUpperCase(Locale.ROOT)),
                new ContactRules.Cap(cap.max(), cap.per())));
        return new BreachCheck(new ContactRules(evidence.windowStart(), evidence.windowEnd(), new HashSet<>(evidence.windowChannels()), caps));
    }
}
