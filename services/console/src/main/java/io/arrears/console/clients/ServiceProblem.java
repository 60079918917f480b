package io.arrears.console.clients;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/**
 * A service's refusal as a person can read it: the status, the problem's detail and the fields it names.
 * The console shows the service's own words; it never guesses why something was refused.
 */
public record ServiceProblem(int status, String detail, List<String> fields) {

    public static ServiceProblem of(WebApplicationException e) {
        Response response = e.getResponse();
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> body = response.readEntity(Map.class);
            Object detail = body.get("detail");
            List<String> fields = body.get("violations") instanceof List<?> violations
                    ? violations.stream().filter(Map.class::isInstance).map(v -> String.valueOf(((Map<?, ?>) v).get("field"))).toList()
                    : List.of();
            return new ServiceProblem(response.getStatus(), detail == null ? response.getStatusInfo().getReasonPhrase() : detail.toString(),
                    fields);
        } catch (ProcessingException | IllegalStateException notAProblemBody) {
            return new ServiceProblem(response.getStatus(), response.getStatusInfo().getReasonPhrase(), List.of());
        }
    }

    public boolean forbidden() {
        return status == 403;
    }

    public boolean names(String field) {
        return fields.contains(field);
    }
}
