package io.arrears.contact.template;

import java.util.OptionalInt;

/** What letters can print: the template check asks it, so a template no letter font can draw never loads. */
public interface LetterTypeface {

    /** The first character of {@code text} (white space aside) that no letter font can draw. */
    OptionalInt firstUndrawable(String text);

    /** "'X' (U+XXXX)": how a refusal names a character, without quoting the text around it. */
    static String describe(int codePoint) {
        return "'" + new String(Character.toChars(codePoint)) + "' (U+" + String.format("%04X", codePoint) + ")";
    }
}
