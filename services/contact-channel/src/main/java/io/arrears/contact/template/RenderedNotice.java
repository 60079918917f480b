package io.arrears.contact.template;

import java.util.List;

/**
 * One notice in one language: a subject, a short text (SMS, and the script of an automated call) and
 * the paragraphs of the long form (email and letter bodies).
 */
public record RenderedNotice(String templateId, String language, String subject, String shortText, List<String> paragraphs) {

    /** The same notice with a line telling the cardholder how to opt out: after the text, and as the last paragraph. */
    public RenderedNotice withOptOut(String shortLine, String paragraph) {
        List<String> withLine = new java.util.ArrayList<>(paragraphs);
        withLine.add(paragraph);
        return new RenderedNotice(templateId, language, subject, shortText + " " + shortLine, List.copyOf(withLine));
    }

    public String longText() {
        return String.join("\n\n", paragraphs);
    }
}
