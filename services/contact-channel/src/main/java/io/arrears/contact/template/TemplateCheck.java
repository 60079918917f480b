package io.arrears.contact.template;

import io.arrears.contact.config.ContactConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
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
    TemplateCheck(NoticeTemplates templates, ContactConfig config) {
        List<String> problems = check(templates, config.templates().ids(), config.languages(), new TemplateLint(config.templates().forbiddenPhrases()));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the notice templates are not fit to send:\n  " + String.join("\n  ", problems));
        }
    }

    public static List<String> check(NoticeTemplates templates, List<String> ids, List<String> languages, TemplateLint lint) {
        Map<String, Object> data = NoticeData.of(NoticeData.sample(), "Li Wei", "ACC-SAMPLE-1001",
                new NoticeData.PaymentMethods("6222 0000 0000 0000 (Sample Bank)", "the Sample Bank app", List.of("Alipay")));
        List<String> problems = new ArrayList<>();
        for (String id : ids) {
            for (String language : languages) {
                String where = "template " + NoticeTemplates.path(id, language);
                if (!templates.exists(id, language)) {
                    problems.add(where + ": missing");
                    continue;
                }
                try {
                    RenderedNotice notice = templates.render(id, language, data);
                    problems.addAll(lint.check(where + " (subject)", notice.subject()));
                    problems.addAll(lint.check(where + " (short)", notice.shortText()));
                    problems.addAll(lint.check(where + " (long)", notice.longText()));
                    if (notice.subject().isBlank() || notice.shortText().isBlank() || notice.paragraphs().isEmpty()) {
                        problems.add(where + ": renders an empty subject, short text or body");
                    }
                } catch (RuntimeException e) {
                    problems.add(where + ": does not render: " + e.getMessage());
                }
            }
        }
        return problems;
    }
}
