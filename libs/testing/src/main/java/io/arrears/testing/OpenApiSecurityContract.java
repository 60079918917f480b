package io.arrears.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.DynamicTest;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every operation in a service's own OpenAPI document, called with each kind of bad credential: none, an
 * expired token, one signed by another key, one for another audience (401), and a valid token with a
 * role the operation does not list (403). The table comes from the document, so a new endpoint cannot be
 * forgotten: an operation that takes no bearer token fails the contract unless the test names it
 * (provider callbacks, which carry a signature instead and are tested with it).
 */
public final class OpenApiSecurityContract {

    /** Every role a token can carry ({@code io.arrears.web.Roles}). */
    public static final List<String> ROLES = List.of("agent", "supervisor", "auditor", "complaints-officer", "cardholder", "agency");

    private static final String BEARER = "jwt";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI root;
    private final Set<String> open = new LinkedHashSet<>();

    private OpenApiSecurityContract(URI root) {
        this.root = root;
    }

    public static OpenApiSecurityContract of(URI root) {
        return new OpenApiSecurityContract(root);
    }

    /** An operation ("POST /callbacks/voice") that takes no token by design. */
    public OpenApiSecurityContract open(String operation) {
        open.add(operation);
        return this;
    }

    public Stream<DynamicTest> tests() {
        JsonObject document = document();
        List<DynamicTest> tests = new ArrayList<>();
        Set<String> unsecured = new TreeSet<>();
        JsonObject paths = document.getJsonObject("paths");
        for (String path : paths.keySet()) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.keySet()) {
                if (!Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                    continue;
                }
                JsonObject operation = item.getJsonObject(method);
                String name = method.toUpperCase() + " " + path;
                List<String> roles = roles(operation);
                if (roles == null) {
                    unsecured.add(name);
                    continue;
                }
                String target = path.replaceAll("\\{[^}]+}", "x");
                tests.add(refused(name + " without a token", method, target, () -> null, 401));
                tests.add(refused(name + " with an expired token", method, target, () -> TestTokens.expired("someone", roles.get(0)), 401));
                tests.add(refused(name + " with a token signed by another key", method, target,
                        () -> TestTokens.signedByAnotherKey("someone", roles.get(0)), 401));
                tests.add(refused(name + " with a token for another audience", method, target,
                        () -> TestTokens.forAnotherAudience("someone", roles.get(0)), 401));
                ROLES.stream().filter(role -> !roles.contains(role)).forEach(role ->
                        tests.add(refused(name + " as " + role, method, target, () -> TestTokens.token("someone", role), 403)));
                tests.add(DynamicTest.dynamicTest(name + " documents 401 and 403 as problems", () -> documentsRefusals(name, operation)));
            }
        }
        tests.add(DynamicTest.dynamicTest("only the operations named open take no token", () -> {
            if (!unsecured.equals(new TreeSet<>(open))) {
                throw new AssertionError("operations without a security requirement: " + unsecured + "; expected exactly " + open);
            }
        }));
        return tests.stream();
    }

    private DynamicTest refused(String name, String method, String path, Supplier<String> token, int status) {
        return DynamicTest.dynamicTest(name + " is " + status, () -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(path.substring(1)))
                    .header("Content-Type", "application/json")
                    .method(method.toUpperCase(), method.equals("get") || method.equals("delete")
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
            String bearer = token.get();
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != status) {
                throw new AssertionError(name + ": expected " + status + " but got " + response.statusCode() + " " + response.body());
            }
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                throw new AssertionError(name + ": expected a problem+json body but got '" + type + "' " + response.body());
            }
        });
    }

    private static void documentsRefusals(String name, JsonObject operation) {
        JsonObject responses = operation.getJsonObject("responses");
        for (String code : List.of("401", "403")) {
            JsonObject response = responses.getJsonObject(code);
            if (response == null || !response.containsKey("content")
                    || !response.getJsonObject("content").containsKey("application/problem+json")) {
                throw new AssertionError(name + " does not document " + code + " with a problem+json body: " + responses.keySet());
            }
        }
    }

    /** The roles the operation's bearer-token ({@code jwt}) requirement lists, or null when it takes no token. */
    private static List<String> roles(JsonObject operation) {
        JsonArray security = operation.getJsonArray("security");
        if (security == null || security.stream().noneMatch(r -> r.asJsonObject().containsKey(BEARER))) {
            return null;
        }
        List<String> roles = security.stream().map(JsonValue::asJsonObject)
                .filter(requirement -> requirement.containsKey(BEARER))
                .map(requirement -> requirement.get(BEARER))
                .flatMap(list -> list.asJsonArray().getValuesAs(jakarta.json.JsonString.class).stream())
                .map(jakarta.json.JsonString::getString)
                .distinct().collect(Collectors.toList());
        if (roles.isEmpty()) {
            throw new AssertionError("a security requirement without roles: " + operation);
        }
        return roles;
    }

    private JsonObject document() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(root.resolve("q/openapi?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
