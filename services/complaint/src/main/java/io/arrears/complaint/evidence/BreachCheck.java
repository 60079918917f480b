package io.arrears.complaint.evidence;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Looks through the contacts with an account for those that broke the rules: made outside the
 * cardholder's contact window, or beyond a channel's cap in its rolling period. What it flags is
 * evidence for the complaint handler, not a verdict.
 */
public final class BreachCheck {

    /** A contact and the rule it broke. */
    public record Flag(String reminderId, String rule, String detail) {
    }

    private final ContactRules rules;

    public BreachCheck(ContactRules rules) {
        this.rules = rules;
    }

    public List<Flag> check(List<Contact> contacts, ZoneId zone) {
        List<Contact> ordered = contacts.stream().sorted(Comparator.comparing(Contact::at)).toList();
        List<Flag> flags = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Contact contact = ordered.get(i);
            LocalTime local = contact.at().atZone(zone).toLocalTime();
            if (rules.windowChannels().contains(contact.channel())
                    && (local.isBefore(rules.windowStart()) || !local.isBefore(rules.windowEnd()))) {
                flags.add(new Flag(contact.reminderId(), "OUTSIDE_WINDOW", contact.channel() + " at " + local.withNano(0) + " " + zone
                        + " is outside " + rules.windowStart() + "-" + rules.windowEnd()));
            }
            ContactRules.Cap cap = rules.caps().get(contact.channel());
            if (cap != null) {
                int within = 1;
                for (int j = i - 1; j >= 0; j--) {
                    Contact earlier = ordered.get(j);
                    if (earlier.channel() == contact.channel() && earlier.at().isAfter(contact.at().minus(cap.per()))) {
                        within++;
                    }
                }
                if (within > cap.max()) {
                    flags.add(new Flag(contact.reminderId(), "FREQUENCY_CAP", contact.channel() + " attempt " + within + " within "
                            + cap.per().toDays() + " days; the cap is " + cap.max()));
                }
            }
        }
        return flags;
    }
}
