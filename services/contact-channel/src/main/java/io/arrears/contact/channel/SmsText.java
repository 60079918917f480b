package io.arrears.contact.channel;

import org.jsmpp.bean.Alphabet;

import java.nio.charset.StandardCharsets;

/**
 * SMS text on the wire: plain ASCII in the SMSC's default alphabet, anything else (Chinese) in UCS-2.
 * Texts longer than one short_message travel whole in the message_payload TLV, which SMPP 3.4
 * provides so the SMSC, not the sender, splits them.
 */
record SmsText(Alphabet alphabet, byte[] bytes) {

    static final int SHORT_MESSAGE_LIMIT = 140;

    public static SmsText encode(String text) {
        boolean ascii = text.chars().allMatch(c -> c >= 0x20 && c < 0x7f || c == '\n');
        return ascii ? new SmsText(Alphabet.ALPHA_DEFAULT, text.getBytes(StandardCharsets.US_ASCII))
                : new SmsText(Alphabet.ALPHA_UCS2, text.getBytes(StandardCharsets.UTF_16BE));
    }

    public static String decode(byte dataCoding, byte[] bytes) {
        if (bytes == null) {
            return "";
        }
        return isUcs2(dataCoding) ? new String(bytes, StandardCharsets.UTF_16BE) : new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** GSM 03.38 general data coding (bits 7-6 zero) with alphabet bits 3-2 = 10. */
    static boolean isUcs2(byte dataCoding) {
        return (dataCoding & 0xC0) == 0 && ((dataCoding >> 2) & 0x03) == 2;
    }

    public boolean fitsShortMessage() {
        return bytes.length <= SHORT_MESSAGE_LIMIT;
    }
}
