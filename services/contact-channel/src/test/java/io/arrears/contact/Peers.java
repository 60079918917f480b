package io.arrears.contact;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.arrears.simulators.MailSink;
import io.arrears.simulators.SmscSimulator;

import java.nio.file.Path;

/** The provider peers, started once per test JVM on the ports {@link ProviderPeers} chose. */
public final class Peers {

    static final String SMTP = "arrears.peers.smtp-port";
    static final String SMPP = "arrears.peers.smpp-port";
    static final String IVR = "arrears.peers.ivr-port";
    static final String PRINT = "arrears.peers.print-folder";

    private static MailSink mail;
    private static SmscSimulator smsc;
    private static WireMockServer ivr;

    private Peers() {
    }

    public static synchronized MailSink mail() {
        if (mail == null) {
            mail = MailSink.start(Integer.parseInt(System.getProperty(SMTP)));
        }
        return mail;
    }

    public static synchronized SmscSimulator smsc() {
        if (smsc == null) {
            smsc = SmscSimulator.start(Integer.parseInt(System.getProperty(SMPP)));
        }
        return smsc;
    }

    public static synchronized WireMockServer ivr() {
        if (ivr == null) {
            ivr = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").port(Integer.parseInt(System.getProperty(IVR))));
            ivr.start();
        }
        return ivr;
    }

    public static Path printFolder() {
        return Path.of(System.getProperty(PRINT));
    }

    public static void startAll() {
        mail();
        smsc();
        ivr();
    }
}
