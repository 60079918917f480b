package io.arrears.console.pages;

import io.arrears.web.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** What every page's frame shows: who is signed in, in which roles, and the way to the pages those roles may open. */
@Named("chrome")
@RequestScoped
public class Chrome {

    private final SecurityIdentity identity;
    private final Lang lang;

    Chrome(SecurityIdentity identity, Lang lang) {
        this.identity = identity;
        this.lang = lang;
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public String user() {
        return signedIn() ? identity.getPrincipal().getName() : "";
    }

    public String roles() {
        return String.join(", ", identity.getRoles());
    }

    public boolean agent() {
        return identity.hasRole(Roles.AGENT);
    }

    public boolean supervisor() {
        return identity.hasRole(Roles.SUPERVISOR);
    }

    public boolean reports() {
        return identity.hasRole(Roles.SUPERVISOR) || identity.hasRole(Roles.AUDITOR);
    }

    public boolean complaints() {
        return identity.hasRole(Roles.COMPLAINTS_OFFICER) || identity.hasRole(Roles.SUPERVISOR) || identity.hasRole(Roles.AUDITOR);
    }

    public boolean chinese() {
        return Lang.CHINESE.equals(lang.locale());
    }

    public String language() {
        return lang.locale().toLanguageTag();
    }
}
