package io.arrears.contact.template;

import java.util.List;

/**
 * One notice in one language: a subject, a short text (SMS, and the script of an automated call) and
 * the paragraphs of the long form (email and letter bodies).
 */
public record RenderedNotice(String templateId, String language, String subject, String shortText, List<String> paragraphs) {

    public String longText() {
        return String.join("\n\n", paragraphs);
    }
}
