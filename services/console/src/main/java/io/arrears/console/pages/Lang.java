package io.arrears.console.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;

import java.util.List;
import java.util.Locale;

/** The language of this request's page: the user's choice (a cookie), else the browser's first supported language. */
@RequestScoped
public class Lang {

    public static final String COOKIE = "console-lang";
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.forLanguageTag("zh-CN");

    private final HttpHeaders headers;

    Lang(HttpHeaders headers) {
        this.headers = headers;
    }

    public Locale locale() {
        Cookie chosen = headers.getCookies().get(COOKIE);
        if (chosen != null) {
            return of(chosen.getValue());
        }
        List<Locale> accepted = headers.getAcceptableLanguages();
        for (Locale locale : accepted) {
            if ("zh".equals(locale.getLanguage())) {
                return CHINESE;
            }
            if ("en".equals(locale.getLanguage())) {
                return ENGLISH;
            }
        }
        return ENGLISH;
    }

    /** Only the two languages the console speaks; anything else is English. */
    public static Locale of(String tag) {
        return tag != null && tag.toLowerCase(Locale.ROOT).startsWith("zh") ? CHINESE : ENGLISH;
    }
}
