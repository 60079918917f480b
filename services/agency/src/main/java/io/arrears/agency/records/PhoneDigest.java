package io.arrears.agency.records;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A number as the contact log keeps it: a digest of its digits, enough to count calls to one number
 * without keeping the number itself beside every contact.
 */
public final class PhoneDigest {

    private PhoneDigest() {
    }

    public static String of(String number) {
        if (number == null) {
            return null;
        }
        String digits = normalise(number);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(digits.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The number's digits, with a leading + kept: "+86 138-0000-0000" and "+8613800000000" are one number. */
    public static String normalise(String number) {
        String stripped = number.strip();
        String digits = stripped.replaceAll("[^0-9]", "");
        return stripped.startsWith("+") ? "+" + digits : digits;
    }
}
