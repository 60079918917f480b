package io.arrears.events;

import java.security.SecureRandom;
import java.util.Random;
import java.util.UUID;

/**
 * Identifiers that sort by when they were made: UUID version 7 (RFC 9562), 48 bits of Unix milliseconds then 74
 * random bits, in the usual 36-character text.
 *
 * <p>Why not random UUIDs: every inbox is keyed by the events' ids, and the busiest tables (steps, attempts, the
 * complaint service's evidence, the agency's contact log) by the reminder's. A random key lands anywhere in its
 * index, so each insert reads and dirties a leaf page of its own, and once an index outgrows the database's cache
 * (a bank's inboxes keep months of events) most of those pages come from disk; after each checkpoint each one is
 * also written whole to the WAL. Keys made in time order go to the right-hand edge of the index, a few pages that
 * stay cached, and a day's rows sit together when the day's work reads them back. The random part is as strong as
 * {@link UUID#randomUUID()}'s, so the ids stay unguessable; the time part tells no more than the row's own times.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    /** A new identifier, made now. */
    public static String next() {
        return next(System.currentTimeMillis(), RANDOM).toString();
    }

    static UUID next(long unixMillis, Random random) {
        if (unixMillis < 0 || unixMillis >>> 48 != 0) {
            throw new IllegalArgumentException("a version 7 UUID holds 48 bits of milliseconds, not " + unixMillis);
        }
        long version = 7L << 12;
        long variant = 2L << 62;
        long high = unixMillis << 16 | version | random.nextInt(1 << 12);
        long low = variant | random.nextLong() >>> 2;
        return new UUID(high, low);
    }
}
