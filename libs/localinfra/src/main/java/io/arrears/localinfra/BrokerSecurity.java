package io.arrears.localinfra;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A broker secured as production's: clients connect over TLS and authenticate with SCRAM-SHA-512, and
 * the KRaft {@code StandardAuthorizer} allows nothing an ACL does not grant. The users and their
 * passwords are bootstrapped into the metadata log when the storage is formatted; {@code admin} is the
 * only super user clients can be. The controller listener stays plaintext on loopback, unadvertised:
 * the broker and controller share the process.
 */
public record BrokerSecurity(Map<String, String> users) {

    public static final String ADMIN = "admin";
    private static final String STORE_PASSWORD = "arrears-test-store";

    /** The admin plus {@code users} (name → password). */
    public static BrokerSecurity withUsers(Map<String, String> users) {
        Map<String, String> all = new LinkedHashMap<>(users);
        all.put(ADMIN, "admin-secret");
        return new BrokerSecurity(Map.copyOf(all));
    }

    /** {@code --add-scram} arguments for the storage tool. */
    List<String> scramArguments() {
        List<String> arguments = new ArrayList<>();
        users.forEach((name, password) -> arguments.add("--add-scram=SCRAM-SHA-512=[name=" + name + ",password=" + password + "]"));
        return arguments;
    }

    Map<String, String> serverSettings(Path home, int port, int controllerPort) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("listeners", "SASL_SSL://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        settings.put("advertised.listeners", "SASL_SSL://127.0.0.1:" + port);
        settings.put("inter.broker.listener.name", "SASL_SSL");
        settings.put("listener.security.protocol.map", "SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT");
        settings.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
        settings.put("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512");
        settings.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", jaas(ADMIN, users.get(ADMIN)));
        settings.put("ssl.keystore.type", "PKCS12");
        settings.put("ssl.keystore.location", keystore(home).toString());
        settings.put("ssl.keystore.password", STORE_PASSWORD);
        settings.put("ssl.truststore.type", "PKCS12");
        settings.put("ssl.truststore.location", truststore(home).toString());
        settings.put("ssl.truststore.password", STORE_PASSWORD);
        settings.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        // ANONYMOUS is the broker talking to its own controller over the loopback controller listener.
        settings.put("super.users", "User:" + ADMIN + ";User:ANONYMOUS");
        settings.put("allow.everyone.if.no.acl.found", "false");
        return settings;
    }

    /** What a client logging in as {@code user} needs besides the bootstrap servers. */
    public Map<String, Object> clientSettings(Path home, String user, String password) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
        settings.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        settings.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(user, password));
        settings.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12");
        settings.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, truststore(home).toString());
        settings.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, STORE_PASSWORD);
        return settings;
    }

    public Map<String, Object> clientSettings(Path home, String user) {
        return clientSettings(home, user, users.get(user));
    }

    /** A self-signed certificate for 127.0.0.1, made with the JDK's keytool, and a truststore holding it. */
    void createStores(Path home) {
        if (Files.exists(truststore(home))) {
            return;
        }
        try {
            Files.createDirectories(home.resolve("tls"));
            Path certificate = home.resolve("tls").resolve("broker.crt");
            keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30",
                    "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                    "-keystore", keystore(home).toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
            keytool("-exportcert", "-alias", "broker", "-rfc", "-file", certificate.toString(),
                    "-keystore", keystore(home).toString(), "-storepass", STORE_PASSWORD);
            keytool("-importcert", "-noprompt", "-alias", "broker", "-file", certificate.toString(), "-storetype", "PKCS12",
                    "-keystore", truststore(home).toString(), "-storepass", STORE_PASSWORD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void keytool(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path keystore(Path home) {
        return home.resolve("tls").resolve("broker.p12");
    }

    private static Path truststore(Path home) {
        return home.resolve("tls").resolve("truststore.p12");
    }

    private static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\"" + password + "\";";
    }
}
