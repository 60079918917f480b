package io.arrears.contact.customer;

import io.arrears.contact.config.ContactConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;

/**
 * The key inbound SMS are matched by: a phone number reduced to its digits, then HMAC-SHA256 with a
 * secret. A plain hash of a phone number is no protection (there are few enough numbers to try them all);
 * without the key, the digest says nothing.
 */
@ApplicationScoped
public class PhoneDigests {

    private static final Logger LOG = Logger.getLogger(PhoneDigests.class);

    private final byte[] key;
    private final CustomerRepositories.Phones phones;

    PhoneDigests(ContactConfig config, CustomerRepositories.Phones phones) {
        this.key = config.phoneDigestKey().getBytes(StandardCharsets.UTF_8);
        this.phones = phones;
    }

    public String of(String number) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(Masked.normalize(number).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows digested before the digests were keyed get a keyed digest, a batch at a time. */
    void rekey(@Observes StartupEvent start) {
        int done = 0;
        while (true) {
            int batch = QuarkusTransaction.requiringNew().call(() -> {
                List<CustomerPhone> stale = phones.find("digestKeyed = false").page(0, 500).list();
                stale.forEach(phone -> {
                    phone.digest = of(phone.number);
                    phone.digestKeyed = true;
                });
                return stale.size();
            });
            done += batch;
            if (batch == 0) {
                break;
            }
        }
        if (done > 0) {
            LOG.infof("re-digested %d phone numbers with the keyed digest", done);
        }
    }
}
