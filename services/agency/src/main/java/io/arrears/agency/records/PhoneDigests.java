package io.arrears.agency.records;

import io.arrears.agency.config.AgencyConfig;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * A number as the contact log keeps it: a keyed digest of its digits, enough to count calls to one number
 * without keeping the number beside every contact. Keyed, because the numbers are few enough to be
 * guessed back from a plain hash.
 */
@ApplicationScoped
public class PhoneDigests {

    private final SecretKeySpec key;

    PhoneDigests(AgencyConfig config) {
        this.key = new SecretKeySpec(config.phoneDigestKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String of(String number) {
        if (number == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(normalise(number).getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
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
