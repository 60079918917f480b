package io.arrears.contact.template;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds forbidden phrases (threats, insults) in rendered text. Matching ignores case, width and runs
 * of white space, so "We  will ARREST" and full-width letters do not slip through.
 */
final class TemplateLint {

    private final List<String> forbidden;

    public TemplateLint(List<String> forbidden) {
        this.forbidden = forbidden.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    /** Every forbidden phrase in {@code text}, each as "{@code where}: contains forbidden phrase '...'". */
    public List<String> check(String where, String text) {
        String normalized = normalize(text);
        List<String> problems = new ArrayList<>();
        for (String phrase : forbidden) {
            if (normalized.contains(normalize(phrase))) {
                problems.add(where + ": contains forbidden phrase '" + phrase + "'");
            }
        }
        return problems;
    }

    static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
