package io.arrears.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.List;
import java.util.Map;

/**
 * Tells clients the truth about errors in every service's OpenAPI document: each operation lists the
 * 4xx answers it can give (400 when it takes input, 401 and 403 when it needs a token, 404 when its path
 * names a resource), and every 4xx carries the problem+json body {@link ProblemMappers} writes.
 * Registered with {@code mp.openapi.filter}.
 */
public class ProblemResponses implements OASFilter {

    /** On an operation that takes a signature instead of a token: the header that carries it. */
    public static final String SIGNATURE_HEADER = "x-signature-header";
    /** Marks an operation anyone may call, such as a list the bank must publish: documented with an empty security requirement. */
    public static final String PUBLIC = "x-public";
    private static final String SIGNED = "providerSignature";
    private static final String PROBLEM = "Problem";
    private static final String REF = "#/components/schemas/" + PROBLEM;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() != null ? openAPI.getComponents() : OASFactory.createComponents();
        openAPI.setComponents(components);
        components.addSchema(PROBLEM, problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> operations(item).forEach((method, operation) -> {
            describeSignature(components, operation);
            describeErrors(path, operation);
        }));
    }

    /**
     * Quarkus derives the bearer-token requirement from {@code @RolesAllowed}; an operation that is signed
     * by a provider instead says so with the {@link #SIGNATURE_HEADER} extension, and gets its own scheme.
     */
    private static void describeSignature(Components components, Operation operation) {
        if (operation.getExtensions() != null && operation.getExtensions().containsKey(PUBLIC)) {
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement()));
            return;
        }
        Object header = operation.getExtensions() == null ? null : operation.getExtensions().get(SIGNATURE_HEADER);
        if (header == null) {
            return;
        }
        components.addSecurityScheme(SIGNED, OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name(header.toString())
                .description("A signature by the provider: t=<unix seconds>,sha256=<HMAC-SHA256 of \"t.body\" with the shared secret>"));
        operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(SIGNED)));
    }

    private static Map<PathItem.HttpMethod, Operation> operations(PathItem item) {
        return item.getOperations() == null ? Map.of() : item.getOperations();
    }

    private static void describeErrors(String path, Operation operation) {
        APIResponses responses = operation.getResponses() != null ? operation.getResponses() : OASFactory.createAPIResponses();
        operation.setResponses(responses);
        boolean takesInput = (operation.getParameters() != null && !operation.getParameters().isEmpty())
                || operation.getRequestBody() != null;
        if (takesInput) {
            addIfAbsent(responses, "400", "The request is malformed; the problem names each offending field");
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            addIfAbsent(responses, "401", "No valid credentials: no token, or one that is expired, badly signed or for another audience");
            boolean byRole = operation.getSecurity().stream().anyMatch(requirement -> requirement.getSchemes() != null
                    && requirement.getSchemes().values().stream().anyMatch(roles -> roles != null && !roles.isEmpty()));
            if (byRole) {
                addIfAbsent(responses, "403", "The token's roles do not allow this operation");
            }
        }
        if (path.contains("{")) {
            addIfAbsent(responses, "404", "Nothing is known by that identifier");
        }
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4")) {
                response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF))));
            }
        });
    }

    private static void addIfAbsent(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            APIResponse response = OASFactory.createAPIResponse().description(description);
            responses.addAPIResponse(code, response);
        }
    }

    private static Schema problemSchema() {
        Schema violation = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("the body field, query or path parameter, or limit at fault"))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem; violations name each field at fault")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(violation))
                .addRequired("title").addRequired("status");
    }
}
