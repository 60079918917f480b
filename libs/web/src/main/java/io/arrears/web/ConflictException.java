package io.arrears.web;

/** The request is valid but the resource's current state forbids it (a closed case, an invalid transition): 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
