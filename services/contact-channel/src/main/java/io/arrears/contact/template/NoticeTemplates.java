package io.arrears.contact.template;

import io.arrears.contact.config.ContactConfig;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Renders notices from {@code templates/notices/<language>/<template-id>.txt}. Each file holds three
 * fragments: {@code subject}, {@code short} and {@code long}; the long form's paragraphs are split on
 * blank lines and poured into the email or letter layout, which escapes them.
 */
@ApplicationScoped
public class NoticeTemplates {

    private final Engine engine;
    private final String defaultLanguage;

    @Inject
    NoticeTemplates(Engine engine, ContactConfig config) {
        this(engine, config.defaultLanguage());
    }

    public NoticeTemplates(Engine engine, String defaultLanguage) {
        this.engine = engine;
        this.defaultLanguage = defaultLanguage;
    }

    /** Renders in the cardholder's language, or the default one where the template has no such translation. */
    public RenderedNotice render(String templateId, String language, Map<String, Object> data) {
        String lang = language != null && exists(templateId, language) ? language : defaultLanguage;
        Template template = engine.getTemplate(path(templateId, lang));
        if (template == null) {
            throw new UnknownTemplateException(templateId, lang);
        }
        String subject = fragment(template, "subject", data);
        String shortText = fragment(template, "short", data).replaceAll("\\s*\\n\\s*", " ");
        List<String> paragraphs = Arrays.stream(fragment(template, "long", data).split("\\n\\s*\\n"))
                .map(String::strip).filter(p -> !p.isEmpty()).toList();
        return new RenderedNotice(templateId, lang, subject, shortText, paragraphs);
    }

    public String emailHtml(RenderedNotice notice, String footer) {
        return engine.getTemplate("layouts/email").data("lang", notice.language()).data("subject", notice.subject())
                .data("paragraphs", notice.paragraphs()).data("footer", footer).render();
    }

    public String letterHtml(RenderedNotice notice, List<String> addressLines, String reference, String date, String fontFamily) {
        return engine.getTemplate("layouts/letter").data("lang", notice.language()).data("subject", notice.subject())
                .data("paragraphs", notice.paragraphs()).data("addressLines", addressLines).data("reference", reference)
                .data("date", date).data("fontFamily", fontFamily).render();
    }

    public boolean exists(String templateId, String language) {
        return engine.getTemplate(path(templateId, language)) != null;
    }

    private static String fragment(Template template, String id, Map<String, Object> data) {
        Template.Fragment fragment = template.getFragment(id);
        if (fragment == null) {
            throw new IllegalStateException("template " + template.getId() + " has no '" + id + "' fragment");
        }
        return fragment.data("d", data).render().strip();
    }

    static String path(String templateId, String language) {
        return "notices/" + language + "/" + templateId;
    }
}
