package io.arrears.complaint.handling;

/** No complaint has the id asked for. */
public class ComplaintNotFound extends RuntimeException {
    public ComplaintNotFound(String id) {
        super("complaint " + id + " is not known");
    }
}
