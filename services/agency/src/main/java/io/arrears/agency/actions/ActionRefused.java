package io.arrears.agency.actions;

/** The contact rules refused an agency's action; {@code rule} names the one that did. The refusal is recorded. */
public class ActionRefused extends RuntimeException {

    private final String rule;
    private final String actionId;

    public ActionRefused(String actionId, String rule, String detail) {
        super(detail);
        this.rule = rule;
        this.actionId = actionId;
    }

    public String rule() {
        return rule;
    }

    public String actionId() {
        return actionId;
    }
}
