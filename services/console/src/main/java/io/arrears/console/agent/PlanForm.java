package io.arrears.console.agent;

import jakarta.ws.rs.FormParam;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The plan form as the agent filled it in, passed to the reminder service as its terms. Blank fields are
 * left out, so the service applies its own defaults and names any field it needs.
 */
public class PlanForm {

    static final PlanForm EMPTY = new PlanForm();

    @FormParam("type")
    public String type;
    @FormParam("instalments")
    public String instalments;
    @FormParam("amount")
    public String amount;
    @FormParam("firstDueDate")
    public String firstDueDate;
    @FormParam("payBy")
    public String payBy;
    @FormParam("settlementAmount")
    public String settlementAmount;
    @FormParam("waivedInterest")
    public String waivedInterest;
    @FormParam("waivedFees")
    public String waivedFees;

    Map<String, Object> terms() {
        Map<String, Object> terms = new LinkedHashMap<>();
        put(terms, "type", type);
        put(terms, "instalments", instalments);
        put(terms, "amount", amount);
        put(terms, "firstDueDate", firstDueDate);
        put(terms, "payBy", payBy);
        put(terms, "settlementAmount", settlementAmount);
        put(terms, "waivedInterest", waivedInterest);
        put(terms, "waivedFees", waivedFees);
        return terms;
    }

    private static void put(Map<String, Object> terms, String field, String value) {
        if (value != null && !value.isBlank()) {
            terms.put(field, value.strip());
        }
    }

    public String type() {
        return type == null ? "INSTALMENTS" : type;
    }

    public String value(String field) {
        Object value = terms().get(field);
        return value == null ? "" : value.toString();
    }
}
