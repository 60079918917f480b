package io.arrears.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arrears.events.EventJson;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bank's staff at work, through the same REST APIs and with the same signed tokens as their desktop
 * tools: collection agents on the reminder service's work queue, and complaints officers on the
 * complaint service. It also reads each service's Prometheus metrics, as an operator's dashboard does.
 */
final class Desk {

    private static final ObjectMapper JSON = EventJson.mapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> urls;
    private final Function<String, String> tokenFor;
    private final Map<String, String> tokens = new LinkedHashMap<>();

    /** A case on the work queue. */
    record WorkItem(String caseId, String accountId, BigDecimal amountOverdue) {
    }

    /** {@code urls}: service name to base URL; {@code tokenFor}: role to a signed bearer token. */
    Desk(Map<String, String> urls, Function<String, String> tokenFor) {
        this.urls = urls;
        this.tokenFor = tokenFor;
    }

    List<WorkItem> workQueue(int size) throws IOException, InterruptedException {
        JsonNode page = send("reminder", "agent", "GET", "/cases?size=" + size, null, 200);
        List<WorkItem> items = new ArrayList<>();
        for (JsonNode c : page.path("items")) {
            items.add(new WorkItem(c.path("id").asText(), c.path("accountId").asText(), new BigDecimal(c.path("amountOverdue").asText())));
        }
        return items;
    }

    void recordCall(String caseId, String outcome) throws IOException, InterruptedException {
        send("reminder", "agent", "POST", "/cases/" + caseId + "/contacts", Map.of("outcome", outcome, "note", "demo desk"), 201);
    }

    void recordPromise(String caseId, BigDecimal amount, LocalDate date) throws IOException, InterruptedException {
        send("reminder", "agent", "POST", "/cases/" + caseId + "/contacts",
                Map.of("outcome", "PROMISE_TO_PAY", "promisedAmount", amount, "promisedDate", date.toString()), 201);
    }

    /** Agrees a plan; returns the instalments' due dates and amounts. */
    Map<LocalDate, BigDecimal> agreePlan(String caseId, Map<String, Object> terms) throws IOException, InterruptedException {
        JsonNode plan = send("reminder", "agent", "POST", "/cases/" + caseId + "/plans", terms, 201);
        Map<LocalDate, BigDecimal> schedule = new LinkedHashMap<>();
        for (JsonNode i : plan.path("instalments")) {
            schedule.merge(LocalDate.parse(i.path("dueDate").asText()), new BigDecimal(i.path("amount").asText()), BigDecimal::add);
        }
        return schedule;
    }

    String openComplaint(String accountId, String category, String description) throws IOException, InterruptedException {
        JsonNode complaint = send("complaint", "agent", "POST", "/complaints",
                Map.of("accountId", accountId, "category", category, "description", description, "channel", "PHONE",
                        "cardholderTimezone", Population.HOME_ZONE), 201);
        return complaint.path("id").asText();
    }

    /** Moves a complaint one step: acknowledge, investigate, or resolve with an outcome. */
    void workComplaint(String id, String step, Map<String, Object> body) throws IOException, InterruptedException {
        send("complaint", "complaints-officer", "POST", "/complaints/" + id + "/" + step, body == null ? Map.of() : body, 200);
    }

    /** The sum of a counter over the series whose labels include {@code label}="{@code value}" (any, if label is null). */
    double metric(String service, String name, String label, String value) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(urls.get(service) + "/q/metrics"))
                .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        Pattern series = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*})?\\s+(\\S+)$", Pattern.MULTILINE);
        Matcher m = series.matcher(response.body());
        double sum = 0;
        while (m.find()) {
            String labels = m.group(1) == null ? "" : m.group(1);
            if (label == null || labels.contains(label + "=\"" + value + "\"")) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    private JsonNode send(String service, String role, String method, String path, Object body, int expected)
            throws IOException, InterruptedException {
        Answer answer = request(service, role, method, path, body);
        if (answer.status() != expected) {
            throw new RefusedRequest(method + " " + service + path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    /** What a service answered: its status and its body (a problem's when it refused). */
    record Answer(int status, JsonNode body) {
    }

    /** Calls a service as {@code role} (for an agency, "agency:<id>"), whatever it answers. */
    Answer request(String service, String role, String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(urls.get(service) + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + tokens.computeIfAbsent(role, tokenFor))
                .header("Accept", "application/json");
        if (body != null && !"GET".equals(method)) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body()));
    }

    /** A request the service refused: the demo reports it and goes on, as a desk worker would. */
    static final class RefusedRequest extends RuntimeException {
        RefusedRequest(String message) {
            super(message);
        }
    }
}
