package io.arrears.console.session;

import io.arrears.web.Roles;

import java.util.Set;

/** Where each role starts: the page of the work it does most. */
public final class Home {

    private Home() {
    }

    public static String of(Set<String> roles) {
        if (roles.contains(Roles.AGENT)) {
            return "/queue";
        }
        if (roles.contains(Roles.COMPLAINTS_OFFICER)) {
            return "/complaints";
        }
        if (roles.contains(Roles.SUPERVISOR) || roles.contains(Roles.AUDITOR)) {
            return "/dashboard";
        }
        return "/no-role";
    }
}
