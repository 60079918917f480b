package io.arrears.contact.rest;

import io.arrears.contact.config.ContactConfig;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Providers sign each callback: {@code X-Signature: sha256=<hex HMAC-SHA256 of the raw body>} with
 * the shared secret. Anyone else posting to the endpoint is refused before the body is read as data.
 */
@ApplicationScoped
public class CallbackSignature {

    public static final String HEADER = "X-Signature";

    private final byte[] secret;

    CallbackSignature(ContactConfig config) {
        this.secret = config.callbackSecret().getBytes(StandardCharsets.UTF_8);
    }

    public boolean verify(byte[] body, String header) {
        if (header == null || !header.startsWith("sha256=")) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring("sha256=".length()).strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(given, hmac(secret, body));
    }

    public static String sign(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    private static byte[] hmac(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
