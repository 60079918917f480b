package io.arrears.reminder.strategy;

import java.util.Arrays;
import java.util.regex.Pattern;

/** Parsing of the small textual pieces of a strategy, with messages that quote what was written. */
final class StrategyText {

    private static final Pattern TEMPLATE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,127}");

    private StrategyText() {
    }

    static StepChannel channel(String name, String context) {
        try {
            return StepChannel.valueOf(name.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + context + "': channel '" + name.trim() + "' is not one of "
                    + Arrays.toString(StepChannel.values()));
        }
    }

    static String templateId(String id, String context) {
        if (!TEMPLATE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("'" + context + "': template id '" + id
                    + "' must be lower-case letters, digits and dashes");
        }
        return id;
    }
}
