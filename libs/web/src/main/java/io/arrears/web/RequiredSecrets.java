package io.arrears.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

import java.util.Map;

/**
 * Secrets a service must be given in production, each under the name of the variable that carries it:
 * {@code %prod.arrears.required-secrets.ACCOUNT_DB_PASSWORD=${quarkus.datasource.password}}. The values
 * are validated with the rest of the configuration before anything starts, so a missing one stops
 * start-up with a message naming the variable, instead of a database login failing later without one.
 */
@ConfigMapping(prefix = "arrears.required-secrets")
public interface RequiredSecrets {

    @WithParentName
    Map<String, String> values();
}
