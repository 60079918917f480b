package io.arrears.complaint.complaint;

import jakarta.ws.rs.NotFoundException;

public class ComplaintNotFound extends NotFoundException {
    public ComplaintNotFound(String id) {
        super("complaint " + id + " is not known");
    }
}
