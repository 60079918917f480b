package io.arrears.complaint.handling;

/** A cardholder complained about an account that, on the bank's record, is not theirs. */
public class NotTheirAccount extends RuntimeException {
    public NotTheirAccount() {
        super("a cardholder may complain about their own accounts only");
    }
}
