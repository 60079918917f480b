package io.arrears.simulators;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bank's identity provider, for the local run and the tests: OpenID Connect's authorization code flow
 * on loopback, as a bank's single sign-on offers it to the console. Its sign-in page has one button per
 * role and a name field, and no passwords: it stands in for the bank's own login, which is not ours to
 * imitate. Tokens are signed with the key the services trust, with their issuer and audience, so the
 * access token the console receives is one the services accept.
 */
public final class LocalIdentityProvider implements AutoCloseable {

    /** The roles a member of staff can sign in with. */
    public static final List<String> ROLES = List.of("agent", "supervisor", "complaints-officer", "auditor");
    private static final String AUDIENCE = "arrears";
    private static final Duration LIFETIME = Duration.ofHours(8);
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private record Grant(String clientId, String redirectUri, String user, String role, String nonce, Instant expires) {
    }

    private final HttpServer server;
    private final String issuer;
    private final PrivateKey signingKey;
    private final RSAPublicKey publicKey;
    private final Map<String, String> clients;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();
    private volatile String browserUrl;

    private LocalIdentityProvider(String host, int port, String issuer, PrivateKey signingKey, RSAPublicKey publicKey,
                                  Map<String, String> clients) throws IOException {
        this.issuer = issuer;
        this.signingKey = signingKey;
        this.publicKey = publicKey;
        this.clients = Map.copyOf(clients);
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/jwks", this::jwks);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/logout", this::logout);
        server.start();
    }

    /**
     * @param issuer  the {@code iss} of every token, as the services expect it
     * @param clients client id to client secret, e.g. the console's
     */
    public static LocalIdentityProvider start(int port, String issuer, PrivateKey signingKey, RSAPublicKey publicKey,
                                              Map<String, String> clients) {
        return start("127.0.0.1", port, issuer, signingKey, publicKey, clients);
    }

    /** On another address, e.g. 0.0.0.0 inside a container. */
    public static LocalIdentityProvider start(String host, int port, String issuer, PrivateKey signingKey, RSAPublicKey publicKey,
                                              Map<String, String> clients) {
        try {
            return new LocalIdentityProvider(host, port, issuer, signingKey, publicKey, clients);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on port " + port, e);
        }
    }

    /**
     * Where browsers reach this provider, when that is not where the console does (in docker compose the
     * console calls {@code providers:8090} and the browser {@code localhost:8090}).
     */
    public LocalIdentityProvider browserUrl(String url) {
        this.browserUrl = url;
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void discovery(HttpExchange exchange) throws IOException {
        try (exchange) {
            String base = "http://" + exchange.getRequestHeaders().getFirst("Host");
            String browser = browserUrl == null ? base : browserUrl;
            ObjectNode doc = JSON.createObjectNode();
            doc.put("issuer", issuer);
            doc.put("authorization_endpoint", browser + "/authorize");
            doc.put("token_endpoint", base + "/token");
            doc.put("jwks_uri", base + "/jwks");
            doc.put("end_session_endpoint", browser + "/logout");
            doc.putArray("response_types_supported").add("code");
            doc.putArray("subject_types_supported").add("public");
            doc.putArray("id_token_signing_alg_values_supported").add("RS256");
            doc.putArray("token_endpoint_auth_methods_supported").add("client_secret_basic").add("client_secret_post");
            doc.putArray("scopes_supported").add("openid");
            respond(exchange, 200, "application/json", JSON.writeValueAsString(doc));
        }
    }

    private void jwks(HttpExchange exchange) throws IOException {
        try (exchange) {
            ObjectNode key = JSON.createObjectNode();
            key.put("kty", "RSA").put("use", "sig").put("alg", "RS256")
                    .put("n", B64.encodeToString(unsigned(publicKey.getModulus().toByteArray())))
                    .put("e", B64.encodeToString(unsigned(publicKey.getPublicExponent().toByteArray())));
            ObjectNode set = JSON.createObjectNode();
            set.putArray("keys").add(key);
            respond(exchange, 200, "application/json", JSON.writeValueAsString(set));
        }
    }

    /** GET: the sign-in page. POST: the chosen role, answered with a redirect carrying a one-time code. */
    private void authorize(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> params = exchange.getRequestMethod().equals("POST")
                    ? form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    : form(exchange.getRequestURI().getRawQuery());
            String clientId = params.getOrDefault("client_id", "");
            String redirectUri = params.getOrDefault("redirect_uri", "");
            if (!clients.containsKey(clientId) || !loopback(redirectUri) || !"code".equals(params.get("response_type"))) {
                respond(exchange, 400, "text/plain; charset=utf-8", "unknown client, a redirect off this machine, or not the code flow");
                return;
            }
            if (exchange.getRequestMethod().equals("GET")) {
                respond(exchange, 200, "text/html; charset=utf-8", signInPage(params));
                return;
            }
            String role = params.getOrDefault("role", "");
            if (!ROLES.contains(role)) {
                respond(exchange, 400, "text/plain; charset=utf-8", "no such role: " + role);
                return;
            }
            String user = params.getOrDefault("user", "").strip();
            String code = UUID.randomUUID().toString();
            codes.put(code, new Grant(clientId, redirectUri, user.isEmpty() ? "local-" + role : user, role, params.get("nonce"),
                    Instant.now(clock).plus(CODE_LIFETIME)));
            String state = params.get("state");
            exchange.getResponseHeaders().add("Location", redirectUri + (redirectUri.contains("?") ? "&" : "?") + "code=" + code
                    + (state == null ? "" : "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(302, -1);
        }
    }

    /** The code, once, for an ID token and an access token, by the client that asked for it with its secret. */
    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> params = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String[] client = clientCredentials(exchange, params);
            if (client == null || !client[1].equals(clients.get(client[0]))) {
                respond(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");
                return;
            }
            Grant grant = "authorization_code".equals(params.get("grant_type")) ? codes.remove(params.getOrDefault("code", "")) : null;
            if (grant == null || !grant.clientId().equals(client[0]) || !grant.redirectUri().equals(params.get("redirect_uri"))
                    || grant.expires().isBefore(Instant.now(clock))) {
                respond(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
                return;
            }
            ObjectNode tokens = JSON.createObjectNode();
            tokens.put("token_type", "Bearer");
            tokens.put("expires_in", LIFETIME.toSeconds());
            tokens.put("access_token", sign(claims(grant, null)));
            tokens.put("id_token", sign(claims(grant, grant.nonce())));
            respond(exchange, 200, "application/json", JSON.writeValueAsString(tokens));
        }
    }

    private void logout(HttpExchange exchange) throws IOException {
        try (exchange) {
            String back = form(exchange.getRequestURI().getRawQuery()).get("post_logout_redirect_uri");
            if (back == null || !loopback(back)) {
                respond(exchange, 200, "text/plain; charset=utf-8", "signed out");
                return;
            }
            exchange.getResponseHeaders().add("Location", back);
            exchange.sendResponseHeaders(302, -1);
        }
    }

    private Map<String, Object> claims(Grant grant, String nonce) {
        Instant now = Instant.now(clock);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", grant.user());
        claims.put("upn", grant.user());
        claims.put("preferred_username", grant.user());
        claims.put("aud", List.of(AUDIENCE, grant.clientId()));
        claims.put("azp", grant.clientId());
        claims.put("groups", List.of(grant.role()));
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(LIFETIME).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        if (nonce != null) {
            claims.put("nonce", nonce);
        }
        return claims;
    }

    private String sign(Map<String, Object> claims) throws IOException {
        String header = B64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = B64.encodeToString(JSON.writeValueAsBytes(claims));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(signingKey);
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signInPage(Map<String, String> params) {
        StringBuilder hidden = new StringBuilder();
        for (String name : List.of("client_id", "redirect_uri", "response_type", "state", "nonce", "scope")) {
            if (params.containsKey(name)) {
                hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"").append(escape(params.get(name))).append("\">");
            }
        }
        StringBuilder buttons = new StringBuilder();
        for (String role : ROLES) {
            buttons.append("<button type=\"submit\" name=\"role\" value=\"").append(role).append("\" id=\"role-").append(role).append("\">")
                    .append(role).append("</button> ");
        }
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Bank sign-in (local)</title>"
                + "<style>body{font:15px system-ui,sans-serif;margin:3em auto;max-width:34em;color:#1d2733}"
                + "input{font:inherit;padding:6px;width:100%;margin:4px 0 14px}button{font:inherit;padding:8px 14px;margin:4px 4px 0 0}</style>"
                + "</head><body><h1>Bank sign-in</h1><p>The local stand-in for the bank's single sign-on: choose a role.</p>"
                + "<form method=\"post\" action=\"/authorize\">" + hidden + "<label for=\"user\">Name (optional)</label>"
                + "<input id=\"user\" name=\"user\" autocomplete=\"off\" placeholder=\"local-ROLE\">" + buttons + "</form></body></html>";
    }

    private static String[] clientCredentials(HttpExchange exchange, Map<String, String> params) {
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            String decoded = new String(Base64.getDecoder().decode(basic.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                return new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                        URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
            }
        }
        return params.containsKey("client_id") && params.containsKey("client_secret")
                ? new String[] {params.get("client_id"), params.get("client_secret")} : null;
    }

    private static boolean loopback(String uri) {
        try {
            String host = URI.create(uri).getHost();
            return "127.0.0.1".equals(host) || "localhost".equals(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            params.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static byte[] unsigned(byte[] twosComplement) {
        return twosComplement.length > 1 && twosComplement[0] == 0
                ? java.util.Arrays.copyOfRange(twosComplement, 1, twosComplement.length) : twosComplement;
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
