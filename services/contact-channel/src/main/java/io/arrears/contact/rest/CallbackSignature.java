package io.arrears.contact.rest;

import io.arrears.contact.config.ContactConfig;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Providers sign each callback: {@code X-Signature: t=<unix seconds>,sha256=<hex HMAC-SHA256 of "t.body">}
 * with the shared secret. The time is inside the signed data, so a captured callback cannot be replayed
 * later with a new time; one outside the window is refused, and {@link CallbackReplays} refuses one seen
 * before inside it. Anyone else posting to the endpoint is refused before the body is read as data.
 */
@ApplicationScoped
public class CallbackSignature {

    public static final String HEADER = "X-Signature";
    private static final Pattern FORMAT = Pattern.compile("t=(\\d{1,12}),sha256=([0-9a-fA-F]{64})");

    /** A callback whose signature holds: when it was signed, and the signature itself, which identifies it. */
    public record Signed(Instant signedAt, String mac) {
    }

    private final byte[] secret;
    private final Duration window;
    private final Clock clock;

    CallbackSignature(ContactConfig config) {
        this.secret = config.callbackSecret().getBytes(StandardCharsets.UTF_8);
        this.window = config.callbackWindow();
        // Wall-clock time, not the business clock: a provider signs with the real time even when the
        // business day is simulated.
        this.clock = Clock.systemUTC();
    }

    /** Empty when the header is missing, malformed, signed with another secret, or signed outside the window. */
    public Optional<Signed> verify(byte[] body, String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher parts = FORMAT.matcher(header.strip());
        if (!parts.matches()) {
            return Optional.empty();
        }
        long seconds = Long.parseLong(parts.group(1));
        byte[] given = HexFormat.of().parseHex(parts.group(2));
        if (!MessageDigest.isEqual(given, hmac(secret, seconds, body))) {
            return Optional.empty();
        }
        Instant signedAt = Instant.ofEpochSecond(seconds);
        Duration age = Duration.between(signedAt, clock.instant()).abs();
        if (age.compareTo(window) > 0) {
            return Optional.empty();
        }
        return Optional.of(new Signed(signedAt, parts.group(2).toLowerCase()));
    }

    public static String sign(String secret, Instant at, byte[] body) {
        long seconds = at.getEpochSecond();
        return "t=" + seconds + ",sha256=" + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), seconds, body));
    }

    private static byte[] hmac(byte[] key, long seconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((seconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
