package io.arrears.simulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An IVR vendor on loopback with the API the voice adapter speaks: {@code POST /calls} places a call
 * (once per Idempotency-Key), {@code GET /calls?reference=} finds one, and a little later the
 * outcome is posted to the callback URL, signed as a real vendor would sign it.
 */
public final class IvrSimulator implements AutoCloseable {

    /** One call the vendor was asked to place. */
    /**
     * @param script          the message, spoken only to a listener who keyed in the expected digits
     * @param verifyPrompt    what the call asks first, or null when it asked nothing and said only the callback request
     * @param callbackRequest what an answering machine or an unconfirmed listener hears
     */
    public record Call(String callId, String reference, String to, String language, String script, String verifyPrompt,
                       String callbackRequest) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, Call> byReference = new ConcurrentHashMap<>();
    private final ScheduledExecutorService callbacks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ivr-callbacks");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newHttpClient();
    private final String callbackUrl;
    private final String secret;
    private volatile Consumer<Call> onCall = c -> { };

    private IvrSimulator(String host, int port, String callbackUrl, String secret) throws IOException {
        this.callbackUrl = callbackUrl;
        this.secret = secret;
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/calls", this::handle);
        server.start();
    }

    public static IvrSimulator start(int port, String callbackUrl, String secret) {
        return start("127.0.0.1", port, callbackUrl, secret);
    }

    /** On another address, e.g. 0.0.0.0 inside a container. */
    public static IvrSimulator start(String host, int port, String callbackUrl, String secret) {
        try {
            return new IvrSimulator(host, port, callbackUrl, secret);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on port " + port, e);
        }
    }

    /** Every call placed, once each: the vendor places one call per Idempotency-Key however often it is asked. */
    public java.util.List<Call> calls() {
        return java.util.List.copyOf(byReference.values());
    }

    public IvrSimulator onCall(Consumer<Call> listener) {
        this.onCall = listener;
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestMethod().equals("GET")) {
                String query = exchange.getRequestURI().getRawQuery();
                String reference = query != null && query.startsWith("reference=")
                        ? URLDecoder.decode(query.substring("reference=".length()), StandardCharsets.UTF_8) : "";
                Call call = byReference.get(reference);
                respond(exchange, call == null ? 404 : 200, call == null ? "{}" : "{\"callId\":\"" + call.callId() + "\"}");
                return;
            }
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            String reference = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (reference == null) {
                respond(exchange, 400, "{\"error\":\"Idempotency-Key is required\"}");
                return;
            }
            boolean[] placed = {false};
            Call call = byReference.computeIfAbsent(reference, r -> {
                placed[0] = true;
                return new Call("CALL-" + UUID.randomUUID(), r, body.path("to").asText(), body.path("language").asText(),
                        body.path("script").asText(), body.path("verification").path("prompt").asText(null),
                        body.path("callbackRequest").asText(null));
            });
            if (placed[0]) {
                onCall.accept(call);
                callbacks.schedule(() -> report(call), 500, TimeUnit.MILLISECONDS);
            }
            respond(exchange, placed[0] ? 201 : 200, "{\"callId\":\"" + call.callId() + "\"}");
        }
    }

    private void report(Call call) {
        // The simulated cardholder answers and keys in the right digits whenever the call asks for them.
        byte[] body = ("{\"callId\":\"" + call.callId() + "\",\"outcome\":\"ANSWERED\",\"verified\":" + (call.verifyPrompt() != null) + "}")
                .getBytes(StandardCharsets.UTF_8);
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(callbackUrl)).timeout(Duration.ofSeconds(5))
                        .header("Content-Type", "application/json").header("X-Signature", sign(body))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 == 2) {
                    return;
                }
                Thread.sleep(1000L * (attempt + 1));
            } catch (IOException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** As the contact service expects: the signing time inside the signed data, {@code t=<seconds>,sha256=<hex>}. */
    private String sign(byte[] body) {
        try {
            long seconds = Instant.now().getEpochSecond();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((seconds + ".").getBytes(StandardCharsets.US_ASCII));
            return "t=" + seconds + ",sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        callbacks.shutdownNow();
    }
}
