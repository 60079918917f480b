package io.arrears.web;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Holds the {@link RequiredSecrets} mapping so that it is registered, and validated with the rest of the configuration. */
@Startup
@ApplicationScoped
public class RequiredSecretsCheck {

    private static final Logger LOG = Logger.getLogger(RequiredSecretsCheck.class);

    RequiredSecretsCheck(RequiredSecrets secrets) {
        LOG.debugf("required secrets present: %s", secrets.values().keySet());
    }
}
