package io.arrears.console.pages;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Ready when the services behind the pages are: a console that cannot reach them would only show errors,
 * so traffic goes to it once every service answers its own readiness check.
 */
@Readiness
@ApplicationScoped
public class ServicesReady implements HealthCheck {

    private final Map<String, String> services;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    ServicesReady(@ConfigProperty(name = "quarkus.rest-client.account.url") String account,
                  @ConfigProperty(name = "quarkus.rest-client.reminder.url") String reminder,
                  @ConfigProperty(name = "quarkus.rest-client.contact.url") String contact,
                  @ConfigProperty(name = "quarkus.rest-client.complaint.url") String complaint,
                  @ConfigProperty(name = "quarkus.rest-client.agency.url") String agency) {
        this.services = Map.of("account", account, "reminder", reminder, "contact-channel", contact, "complaint", complaint, "agency", agency);
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("services").up();
        services.forEach((name, url) -> {
            boolean ready = ready(url);
            response.withData(name, ready ? "ready" : "not ready");
            if (!ready) {
                response.down();
            }
        });
        return response.build();
    }

    private boolean ready(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).timeout(Duration.ofSeconds(3)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
