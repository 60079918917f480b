package io.arrears.contact;

import io.arrears.localinfra.FreePort;
import io.arrears.testing.ScratchSpace;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points the service at the provider peers the tests run: an SMTP server, an SMS centre, an IVR
 * vendor and a print drop folder. Their ports are fixed here, before the service starts, and kept in
 * system properties, from which {@link Peers} starts the servers on the test's side.
 */
public class ProviderPeers implements QuarkusTestResourceLifecycleManager {

    public static final String CALLBACK_SECRET = "test-callback-secret";

    @Override
    public Map<String, String> start() {
        synchronized (System.getProperties()) {
            if (System.getProperty(Peers.SMTP) == null) {
                System.setProperty(Peers.PRINT, ScratchSpace.directory("arrears-print-").toString());
                System.setProperty(Peers.SMTP, Integer.toString(FreePort.pick()));
                System.setProperty(Peers.SMPP, Integer.toString(FreePort.pick()));
                System.setProperty(Peers.IVR, Integer.toString(FreePort.pick()));
            }
        }
        return Map.of(
                "contact.adapters.smtp.port", System.getProperty(Peers.SMTP),
                "contact.adapters.smpp.port", System.getProperty(Peers.SMPP),
                "contact.adapters.ivr.url", "http://127.0.0.1:" + System.getProperty(Peers.IVR),
                "contact.adapters.webhook.url", "http://127.0.0.1:" + System.getProperty(Peers.IVR) + "/provider",
                "contact.adapters.letter.drop-folder", System.getProperty(Peers.PRINT),
                "contact.callback-secret", CALLBACK_SECRET,
                // Short, so that a provider that takes a message and does not answer is tested in seconds.
                "contact.adapters.smpp.timeout", "2s",
                "contact.adapters.ivr.timeout", "2s");
    }

    @Override
    public void stop() {
    }
}
