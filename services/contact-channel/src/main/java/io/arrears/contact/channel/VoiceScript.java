package io.arrears.contact.channel;

/**
 * What an automated call may say, in the order the IVR vendor must follow: the prompt asks the named
 * cardholder to key in the last four digits of their card; only if they match does the call go on to
 * {@code message}, the debt. Anyone else, and any answering machine, hears {@code callbackRequest}
 * alone, which names no debt. Without the card's digits there is nothing to verify against, and the
 * call carries the callback request only.
 */
record VoiceScript(String verifyPrompt, String expectedDigits, String message, String callbackRequest) {

    public boolean canStateTheDebt() {
        return expectedDigits != null && expectedDigits.matches("[0-9]{4}");
    }
}
