package io.arrears.contact.template;

import io.arrears.contact.config.ContactConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders every template in every language with sample facts before the service takes any work,
 * and refuses to start if one is missing, does not render, or says something the bank must never say.
 */
@Startup
@ApplicationScoped
public class TemplateCheck {

    @Inject
    TemplateCheck(NoticeTemplates templates, ContactConfig config, LetterTypeface letters) {
        List<String> problems = check(templates, config.templates().ids(), config.languages(),
                new TemplateLint(config.templates().forbiddenPhrases()), letters);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the notice templates are not fit to send:\n  " + String.join("\n  ", problems));
        }
    }

    /**
     * Every problem of every template in every language, rendered once with the card's last four digits
     * and once without them (core banking may not send them).
     */
    public static List<String> check(NoticeTemplates templates, List<String> ids, List<String> languages, TemplateLint lint,
                                     LetterTypeface letters) {
        NoticeData.PaymentMethods pay = new NoticeData.PaymentMethods("6222 0000 0000 0000 (Sample Bank)", "the Sample Bank app", List.of("Alipay"));
        Map<String, Object> withCard = NoticeData.of(NoticeData.sample(), "Li Wei", pay);
        Map<String, Object> withoutCard = new HashMap<>(withCard);
        withoutCard.put("cardLast4", null);
        List<String> problems = new ArrayList<>();
        for (String id : ids) {
            for (String language : languages) {
                String where = "template " + NoticeTemplates.path(id, language);
                if (!templates.exists(id, language)) {
                    problems.add(where + ": missing");
                    continue;
                }
                for (Map<String, Object> data : List.of(withCard, withoutCard)) {
                    try {
                        problems.addAll(check(where, templates.render(id, language, data), lint, letters));
                    } catch (RuntimeException e) {
                        problems.add(where + ": does not render: " + e.getMessage());
                    }
                }
            }
        }
        return problems.stream().distinct().toList();
    }

    private static List<String> check(String where, RenderedNotice notice, TemplateLint lint, LetterTypeface letters) {
        List<String> problems = new ArrayList<>();
        problems.addAll(lint.check(where + " (subject)", notice.subject()));
        problems.addAll(lint.check(where + " (short)", notice.shortText()));
        problems.addAll(lint.check(where + " (long)", notice.longText()));
        if (notice.subject().isBlank() || notice.shortText().isBlank() || notice.paragraphs().isEmpty()) {
            problems.add(where + ": renders an empty subject, short text or body");
        }
        letters.firstUndrawable(notice.subject() + "\n" + notice.longText())
                .ifPresent(cp -> problems.add(where + ": the letter fonts cannot draw " + LetterTypeface.describe(cp)));
        return problems;
    }
}
