package io.arrears.contact.template;

/** A reminder named a template this service does not have; nothing is sent and the case is told. */
class UnknownTemplateException extends RuntimeException {

    public UnknownTemplateException(String templateId, String language) {
        super("no template '" + templateId + "' in " + language);
    }
}
