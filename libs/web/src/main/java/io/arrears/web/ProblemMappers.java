package io.arrears.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Every error a service returns is problem+json, and a bad request says which field is wrong. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String detail = violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; "));
        return new Problem("about:blank", "Bad Request", 400, detail, violations).toResponse();
    }

    /**
     * A body Jackson cannot bind: a wrong type, an unknown enum value, a malformed date. Quarkus maps
     * these to a bare 400 of its own unless this more specific mapper names the field.
     */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[") : "";
        if (field.isEmpty()) {
            String detail = e instanceof JsonParseException ? "the body is not valid JSON" : "the body does not have the expected shape";
            return new Problem("about:blank", "Bad Request", 400, detail, List.of()).toResponse();
        }
        String message = expected(e);
        return new Problem("about:blank", "Bad Request", 400, field + " " + message,
                List.of(new Problem.Violation(field, message))).toResponse();
    }

    /** What the field should have held, in the client's terms rather than Java's. */
    private static String expected(JsonProcessingException e) {
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (target == null) {
            return "has an invalid value";
        }
        if (target.isEnum()) {
            return "must be one of " + Arrays.toString(target.getEnumConstants());
        }
        if (target == BigDecimal.class) {
            return "must be a decimal amount such as \"120.50\"";
        }
        if (Number.class.isAssignableFrom(target) || target == int.class || target == long.class) {
            return "must be a whole number";
        }
        if (target == LocalDate.class) {
            return "must be a date as YYYY-MM-DD";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "must be true or false";
        }
        if (target == String.class) {
            return "must be a string";
        }
        return "has an invalid value";
    }

    @ServerExceptionMapper
    public Response invalidArgument(InvalidRequestException e) {
        return new Problem("about:blank", "Bad Request", 400, e.field() + " " + e.getMessage(),
                List.of(new Problem.Violation(e.field(), e.getMessage()))).toResponse();
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return Problem.of(Response.Status.CONFLICT, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        String detail = e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : "a valid bearer token is required";
        return Problem.of(Response.Status.UNAUTHORIZED, detail).toResponse();
    }

    /** A token was sent but is not good: expired, signed by another key, for another audience or issuer. */
    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException e) {
        return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED,
                        "the bearer token is not valid: expired, not signed by the bank's identity provider, or not for this system")
                .toResponse()).header("WWW-Authenticate", "Bearer error=\"invalid_token\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(Response.Status.FORBIDDEN, "your role does not allow this").toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable);
        }
        int status = e.getResponse().getStatus();
        if (status == 400 && (e.getMessage() == null || e.getMessage().startsWith("HTTP 400"))) {
            // Quarkus's own refusal of a body it could not read at all (cut short, not JSON): say so.
            return Problem.of(Response.Status.BAD_REQUEST, "the request could not be read: the body is not valid JSON,"
                    + " or a parameter does not have the expected type").toResponse();
        }
        Response.StatusType type = e.getResponse().getStatusInfo();
        return Problem.of(status, type.getReasonPhrase(), e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected failure", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "an unexpected error occurred").toResponse();
    }

    /** The last path node, i.e. the query parameter or body field name the client used. */
    private static String field(ConstraintViolation<?> violation) {
        String name = "";
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == jakarta.validation.ElementKind.PARAMETER || node.getKind() == jakarta.validation.ElementKind.PROPERTY) {
                name = node.getName();
            }
        }
        return name;
    }
}
