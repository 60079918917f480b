package io.arrears.contact.channel;

import com.fasterxml.jackson.databind.JsonNode;
import io.arrears.events.EventJson;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * The HTTP side of a provider API: a JSON POST carrying the reminder id as {@code Idempotency-Key}
 * (so a provider that honours it never acts twice on one reminder), and a GET that finds a message by it.
 */
final class ProviderHttp {

    private final HttpClient client;
    private final String baseUrl;
    private final Duration timeout;
    private final String provider;

    ProviderHttp(String provider, String baseUrl, Duration timeout) {
        this.provider = provider;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** POSTs {@code body} and reads the provider's id for the message from the field {@code idField} of the answer. */
    SendResult post(String path, String idempotencyKey, Map<String, Object> body, String idField) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(EventJson.write(body))).build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            int status = response.statusCode();
            if (status / 100 == 2) {
                JsonNode answer = EventJson.parse(response.body());
                return SendResult.accepted(answer.path(idField).asText(idempotencyKey));
            }
            String error = provider + " answered HTTP " + status;
            return status == 408 || status == 429 || status >= 500 ? SendResult.transientFailure(error) : SendResult.rejected(error);
        } catch (IOException e) {
            String error = provider + ": " + e.getClass().getSimpleName() + ": " + e.getMessage();
            // Only a failure to connect proves the request never left; after that the provider may have it.
            return neverConnected(e) ? SendResult.transientFailure(error) : SendResult.ambiguous(error);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.ambiguous(provider + ": interrupted while waiting for the answer");
        }
    }

    static boolean neverConnected(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.http.HttpConnectTimeoutException
                    || t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    /** GETs {@code path + encoded(reference)}: 200 means found (id from {@code idField}), 404 not found. */
    Lookup find(String path, String reference, String idField) {
        String url = baseUrl + path + URLEncoder.encode(reference, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return switch (response.statusCode()) {
                case 200 -> Lookup.found(idOf(response.body(), idField, reference));
                case 404 -> Lookup.notFound();
                default -> throw new IllegalStateException(provider + " lookup answered HTTP " + response.statusCode());
            };
        } catch (IOException e) {
            throw new IllegalStateException(provider + " lookup failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(provider + " lookup interrupted", e);
        }
    }

    private static String idOf(byte[] body, String idField, String fallback) {
        Function<JsonNode, JsonNode> first = n -> n.isArray() ? n.path(0) : n;
        return first.apply(EventJson.parse(body)).path(idField).asText(fallback);
    }
}
