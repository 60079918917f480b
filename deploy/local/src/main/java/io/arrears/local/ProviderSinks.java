package io.arrears.local;

import io.arrears.localinfra.SigningKeys;
import io.arrears.simulators.CountingMailServer;
import io.arrears.simulators.IvrSimulator;
import io.arrears.simulators.LocalIdentityProvider;
import io.arrears.simulators.MailSink;
import io.arrears.simulators.SmscSimulator;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The providers a bank would plug in, simulated on loopback for the local run: a mail server
 * (SMTP 2525), an SMS centre (SMPP 2775, delivery receipts on), an IVR vendor (HTTP 8093, calls back
 * to contact-channel) and the print house's drop folder. Everything they receive is printed, so a
 * newcomer sees each reminder arrive.
 */
final class ProviderSinks {

    static final int SMTP = Integer.getInteger("arrears.smtp.port", 2525);
    static final int SMPP = Integer.getInteger("arrears.smpp.port", 2775);
    static final int IVR = Integer.getInteger("arrears.ivr.port", 8093);
    static final String CALLBACK = System.getProperty("arrears.ivr.callback", "http://127.0.0.1:8083/callbacks/voice");
    static final String SECRET = System.getProperty("arrears.callback-secret", "local-callback-secret");
    /** 127.0.0.1 on a laptop; 0.0.0.0 in a container, where the services reach the sinks by name. */
    static final String HOST = System.getProperty("arrears.sinks.host", "127.0.0.1");
    static final int IDP = Integer.getInteger("arrears.idp.port", 8090);
    /** The console's client secret at the identity provider; the launcher gives the console the same. */
    static final String CONSOLE_SECRET = System.getProperty("arrears.console.oidc-secret", "local-console-secret-0123456789abcdef");

    private ProviderSinks() {
    }

    static void run(Path home) throws InterruptedException, IOException {
        // The launcher waits for this file: it is written once every provider has its port, so one that could
        // not start (its port held by another program) stops the start-up instead of a service failing later.
        Path ready = Files.createDirectories(home.resolve("run")).resolve("sinks.ready");
        Files.deleteIfExists(ready);
        Path print = Files.createDirectories(Path.of(System.getProperty("arrears.print-drop", home.resolve("print-drop").toString())));
        // Quiet for a capacity run: nothing printed or kept per message, so the providers are never what limits it.
        boolean quiet = Boolean.getBoolean("arrears.sinks.quiet");
        // A capacity run's mail server counts what it takes and keeps nothing (CountingMailServer): storing
        // every message was the busiest simulator's work, and a bank's mail relay is not on its collections box.
        MailSink mail = quiet ? null : MailSink.start(HOST, SMTP);
        CountingMailServer countingMail = quiet ? CountingMailServer.start(HOST, SMTP) : null;
        SmscSimulator smsc = SmscSimulator.start(SMPP).autoReceipts(true).keepHistory(!quiet)
                .onSubmit(quiet ? s -> { } : s -> say("SMS    to " + s.destination() + ": " + s.text()));
        IvrSimulator ivr = IvrSimulator.start(HOST, IVR, CALLBACK, SECRET)
                .onCall(c -> say("CALL   to " + c.to() + " (" + c.language() + "): " + (c.verifyPrompt() == null ? c.callbackRequest()
                        : c.verifyPrompt() + " / confirmed: " + c.script() + " / otherwise: " + c.callbackRequest())));
        // The bank's single sign-on, for the console: signs with the key the services trust.
        Path keys = home.resolve("keys");
        SigningKeys.ensure(keys);
        LocalIdentityProvider idp = LocalIdentityProvider.start(HOST, IDP, Launcher.ISSUER, SigningKeys.privateKey(keys),
                SigningKeys.publicKey(keys), Map.of("arrears-console", CONSOLE_SECRET))
                .browserUrl(System.getProperty("arrears.idp.browser-url"));
        say("mail server SMTP " + HOST + ":" + SMTP + ", SMS centre SMPP " + HOST + ":" + SMPP + ", IVR vendor http://" + HOST + ":" + IVR
                + ", print drop " + print + ", sign-in (OpenID Connect) http://" + HOST + ":" + IDP);
        Files.writeString(ready, "smtp=" + SMTP + "\nsmpp=" + SMPP + "\nivr=" + IVR + "\nidp=" + IDP + "\n");

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(ready);
            } catch (IOException e) {
                // the launcher deletes it before the next start as well
            }
            if (mail != null) {
                mail.close();
            } else {
                countingMail.close();
            }
            smsc.close();
            ivr.close();
            idp.close();
            stopped.countDown();
        }, "sinks-stop"));
        Set<String> seen = new HashSet<>();
        Set<String> mailSeen = new HashSet<>();
        while (!stopped.await(1, TimeUnit.SECONDS)) {
            if (quiet) {
                continue;
            }
            // Each email once, in arrival order: known by its Message-ID, not by a position in the server's list.
            for (MimeMessage m : mail.receivedInArrivalOrder()) {
                try {
                    if (mailSeen.add(m.getMessageID() + "|" + m.getAllRecipients()[0])) {
                        say("EMAIL  to " + m.getAllRecipients()[0] + ": " + m.getSubject());
                    }
                } catch (MessagingException e) {
                    say("EMAIL  (unreadable: " + e.getMessage() + ")");
                }
            }
            try (Stream<Path> files = Files.walk(print)) {
                files.filter(p -> p.toString().endsWith(".pdf") && !p.getFileName().toString().startsWith(".") && seen.add(p.toString()))
                        .forEach(p -> say("LETTER " + print.relativize(p)));
            }
        }
    }

    private static void say(String line) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + line);
    }
}
