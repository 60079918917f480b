package io.arrears.local.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The two agencies on the demo's whitelist at work, as their own dialler and letter systems would be: over
 * the agency API with their own tokens, asking before each contact and reporting what came of it. The
 * contact rules refuse what they must (north-star's evening round runs past the contact window on purpose,
 * as careless diallers do), and the refusals are counted here and on the agency's scorecard.
 */
final class AgencyFloor {

    static final List<String> AGENCIES = List.of("east-river", "north-star");

    private final Desk desk;
    private final Random random;
    /** Told of each promise an agency records: the day promised, and the placement and amount. */
    private final BiConsumer<LocalDate, Map.Entry<String, BigDecimal>> promises;
    private final Map<String, Integer> counts = new TreeMap<>();

    AgencyFloor(Desk desk, Random random, BiConsumer<LocalDate, Map.Entry<String, BigDecimal>> promises) {
        this.desk = desk;
        this.random = random;
        this.promises = promises;
    }

    Map<String, Integer> counts() {
        return counts;
    }

    /** The day round: every agency calls each account it holds, or writes when it has no number to call. */
    void dayRound(LocalDate day) {
        for (String agency : AGENCIES) {
            try {
                for (JsonNode p : placements(agency)) {
                    work(agency, p, day);
                }
            } catch (IOException | RuntimeException e) {
                counts.merge("agency errors", 1, Integer::sum);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** North-star's dialler tries again in the evening; past 21:00 the rules refuse every call before it is made. */
    void eveningRound() {
        try {
            for (JsonNode p : placements("north-star")) {
                JsonNode phones = p.path("cardholder").path("phones");
                if (!phones.isEmpty()) {
                    act("north-star", p.path("placementId").asText(), "CALL", phones.get(0).asText());
                }
            }
        } catch (IOException | RuntimeException e) {
            counts.merge("agency errors", 1, Integer::sum);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<JsonNode> placements(String agency) throws IOException, InterruptedException {
        JsonNode page = desk.request("agency", "agency:" + agency, "GET", "/agency/placements?status=ACTIVE&size=200", null).body();
        List<JsonNode> items = new ArrayList<>();
        page.path("items").forEach(items::add);
        return items;
    }

    private void work(String agency, JsonNode p, LocalDate day) throws IOException, InterruptedException {
        String placement = p.path("placementId").asText();
        JsonNode phones = p.path("cardholder").path("phones");
        if (phones.isEmpty()) {
            String letter = act(agency, placement, "LETTER", null);
            if (letter != null) {
                report(agency, letter, Map.of("outcome", "SENT"));
            }
            return;
        }
        String call = act(agency, placement, "CALL", phones.get(0).asText());
        if (call == null) {
            return;
        }
        double r = random.nextDouble();
        if (r < 0.45) {
            report(agency, call, Map.of("outcome", "NO_ANSWER"));
        } else if (r < 0.65) {
            report(agency, call, Map.of("outcome", "CONVERSATION"));
        } else if (r < 0.9) {
            BigDecimal overdue = new BigDecimal(p.path("amountOverdue").asText());
            LocalDate by = day.plusDays(2 + random.nextInt(5));
            if (report(agency, call, Map.of("outcome", "PROMISE_TO_PAY", "promisedAmount", overdue, "promisedDate", by.toString()))) {
                counts.merge("promises to the agencies", 1, Integer::sum);
                promises.accept(by, Map.entry(placement, overdue));
            }
        } else {
            report(agency, call, Map.of("outcome", "REFUSED_TO_PAY"));
        }
    }

    /** The action's id when the rules allow it, null when they refuse (counted by rule). */
    private String act(String agency, String placement, String action, String number) throws IOException, InterruptedException {
        Map<String, Object> body = number == null ? Map.of("action", action) : Map.of("action", action, "number", number);
        Desk.Answer answer = desk.request("agency", "agency:" + agency, "POST", "/agency/placements/" + placement + "/actions", body);
        if (answer.status() == 201) {
            counts.merge("agency " + action.toLowerCase() + "s", 1, Integer::sum);
            return answer.body().path("actionId").asText();
        }
        counts.merge("refused: " + answer.body().path("title").asText("HTTP " + answer.status()), 1, Integer::sum);
        return null;
    }

    private boolean report(String agency, String action, Map<String, Object> outcome) throws IOException, InterruptedException {
        return desk.request("agency", "agency:" + agency, "POST", "/agency/actions/" + action + "/outcome", outcome).status() == 200;
    }
}
