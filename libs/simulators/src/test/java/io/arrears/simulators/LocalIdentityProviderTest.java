package io.arrears.simulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The stand-in for the bank's sign-in keeps the code flow's rules: one use per code, the client's own secret, this machine only. */
class LocalIdentityProviderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REDIRECT = "http://127.0.0.1:9999/";
    private final HttpClient http = HttpClient.newHttpClient();
    private final KeyPair keys = keys();
    private final LocalIdentityProvider provider = LocalIdentityProvider.start(freePort(), "https://issuer.test", keys.getPrivate(),
            (RSAPublicKey) keys.getPublic(), Map.of("console", "s3cret"));

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void aCodeBuysSignedTokensWithTheRoleOnceAndOnlyWithTheClientsSecret() throws Exception {
        String code = code("supervisor", "sup-1");
        assertThat(token(code, "wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> tokens = token(code, "s3cret");
        assertThat(tokens.statusCode()).isEqualTo(200);
        String access = JSON.readTree(tokens.body()).path("access_token").asText();
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(access.split("\\.")[1]));
        assertThat(claims.path("iss").asText()).isEqualTo("https://issuer.test");
        assertThat(claims.path("upn").asText()).isEqualTo("sup-1");
        assertThat(claims.path("groups").get(0).asText()).isEqualTo("supervisor");
        assertThat(claims.path("aud").toString()).contains("arrears").contains("console");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(keys.getPublic());
        String[] parts = access.split("\\.");
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).as("signed with the given key").isTrue();
        assertThat(token(code, "s3cret").statusCode()).as("a code is good once").isEqualTo(400);
    }

    @Test
    void anUnknownClientARedirectOffThisMachineOrAnUnknownRoleIsRefused() throws Exception {
        assertThat(get("/authorize?response_type=code&client_id=stranger&redirect_uri=" + enc(REDIRECT)).statusCode()).isEqualTo(400);
        assertThat(get("/authorize?response_type=code&client_id=console&redirect_uri=" + enc("https://evil.example/")).statusCode())
                .isEqualTo(400);
        assertThat(post("/authorize", "response_type=code&client_id=console&redirect_uri=" + enc(REDIRECT) + "&role=root").statusCode())
                .isEqualTo(400);
        assertThat(get("/authorize?response_type=code&client_id=console&redirect_uri=" + enc(REDIRECT)).body())
                .contains("role-agent", "role-supervisor", "role-complaints-officer", "role-auditor");
    }

    private String code(String role, String user) throws Exception {
        HttpResponse<String> answer = post("/authorize", "response_type=code&client_id=console&state=xyz&redirect_uri=" + enc(REDIRECT)
                + "&role=" + role + "&user=" + user);
        assertThat(answer.statusCode()).isEqualTo(302);
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT + "?code=").endsWith("&state=xyz");
        return location.substring(location.indexOf("code=") + 5, location.indexOf("&state"));
    }

    private HttpResponse<String> token(String code, String secret) throws Exception {
        return post("/token", "grant_type=authorization_code&code=" + code + "&redirect_uri=" + enc(REDIRECT) + "&client_id=console&client_secret="
                + secret);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(provider.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(provider.url() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
