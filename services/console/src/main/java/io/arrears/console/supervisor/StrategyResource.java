package io.arrears.console.supervisor;

import io.arrears.console.clients.ReminderApi;
import io.arrears.console.clients.Views;
import io.arrears.console.pages.Lang;
import io.arrears.web.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Champion against challenger: per arm and segment, the reminder service's cure rate, roll rates,
 * kept-promise rate and cost per cure for the cases opened in a period, as charts and as the table behind them.
 */
@Path("/strategy")
@RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
@Produces(MediaType.TEXT_HTML)
public class StrategyResource {

    /** One roll (bucket to the next) with a bar per arm and segment. */
    public record RollChart(String from, String to, Bars bars) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance strategy(Views.StrategyResults results, Bars cureRate, Bars keptPromises, Bars costPerCure,
                                                List<RollChart> rolls, List<String> arms);
    }

    private final ReminderApi reminder;
    private final Lang lang;

    StrategyResource(@RestClient ReminderApi reminder, Lang lang) {
        this.reminder = reminder;
        this.lang = lang;
    }

    @GET
    public TemplateInstance strategy(@QueryParam("from") String from, @QueryParam("to") String to) {
        Views.StrategyResults results = reminder.strategy(blankToNull(from), blankToNull(to));
        List<String> labels = results.results().stream().map(r -> r.arm() + " · " + r.segment()).toList();
        Bars cure = Bars.ofRates(labels, results.results().stream().map(Views.ArmResult::cureRate).toList());
        Bars kept = Bars.ofRates(labels, results.results().stream().map(Views.ArmResult::keptPromiseRate).toList());
        Bars cost = Bars.ofAmounts(labels, results.results().stream().map(Views.ArmResult::costPerCure).toList(), results.costCurrency());
        List<String> arms = results.results().stream().map(Views.ArmResult::arm).distinct().toList();
        return Templates.strategy(results, cure, kept, cost, rolls(results, labels), arms).setLocale(lang.locale());
    }

    private static List<RollChart> rolls(Views.StrategyResults results, List<String> labels) {
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        for (Views.ArmResult r : results.results()) {
            for (Views.Roll roll : r.rollRates()) {
                rates.computeIfAbsent(roll.from() + "→" + roll.to(), k -> new ArrayList<>()).add(roll.rate());
            }
        }
        List<RollChart> charts = new ArrayList<>();
        rates.forEach((key, values) -> {
            String[] fromTo = key.split("→");
            if (values.size() == labels.size()) {
                charts.add(new RollChart(fromTo[0], fromTo[1], Bars.ofRates(labels, values)));
            }
        });
        return charts;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
