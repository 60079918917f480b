package io.arrears.reminder.strategy;

/**
 * A delinquency bucket as the account service names it: {@code "30-59"} or, for the last one, {@code "180+"}.
 * The ladder uses the range to check that each step's day falls inside its bucket.
 */
record BucketRange(String label, int firstDay, int lastDay) {

    static BucketRange parse(String label) {
        String text = label.trim();
        try {
            if (text.endsWith("+")) {
                return new BucketRange(text, Integer.parseInt(text.substring(0, text.length() - 1)), Integer.MAX_VALUE);
            }
            int dash = text.indexOf('-');
            if (dash > 0) {
                int first = Integer.parseInt(text.substring(0, dash));
                int last = Integer.parseInt(text.substring(dash + 1));
                if (first >= 1 && last >= first) {
                    return new BucketRange(text, first, last);
                }
            }
        } catch (NumberFormatException e) {
            // reported below with the label
        }
        throw new IllegalArgumentException("bucket '" + text + "' is not '<first>-<last>' or '<first>+'");
    }

    public boolean contains(int daysPastDue) {
        return daysPastDue >= firstDay && daysPastDue <= lastDay;
    }
}
