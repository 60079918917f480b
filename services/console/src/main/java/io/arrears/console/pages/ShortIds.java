package io.arrears.console.pages;

/**
 * An id shortened for a screen: its type prefix and the last eight characters of its UUID
 * ({@code CASE-0197a1b2-…-5e8c9f3a1b2d} reads {@code CASE-9f3a1b2d}), enough to tell the cases on one page apart.
 * The ids are time-ordered UUIDs, whose first characters change only once a minute: a statement day's cases
 * would all start alike, while the last characters are random.
 */
final class ShortIds {

    private static final int UUID_LENGTH = 36;
    private static final int SHOWN = 8;

    private ShortIds() {
    }

    static String of(String id) {
        if (id == null) {
            return "";
        }
        int dash = id.indexOf('-');
        if (dash < 0 || id.length() - dash - 1 != UUID_LENGTH) {
            return id;
        }
        return id.substring(0, dash + 1) + id.substring(id.length() - SHOWN);
    }
}
