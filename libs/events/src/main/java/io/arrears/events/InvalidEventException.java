package io.arrears.events;

/** A record that breaks its contract: unparseable, schema-invalid, or with bad CloudEvents headers. Never worth a retry. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
