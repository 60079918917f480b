package io.arrears.contact.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.arrears.contact.channel.ProviderReceipt;
import io.arrears.events.EventJson;
import io.arrears.events.InvalidEventException;
import io.arrears.web.InvalidRequestException;
import io.arrears.web.Problem;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.event.Event;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Set;

/**
 * Where providers report outcomes. Not open: every call must carry a valid signature. A report on a
 * message not recorded yet gets 409, which providers retry.
 */
@Path("/callbacks")
@PermitAll
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "provider callbacks", description = "Signed delivery reports from the IVR vendor and messaging providers")
public class ProviderCallbackResource {

    private static final Set<String> ANSWERED = Set.of("ANSWERED", "COMPLETED", "VOICEMAIL");

    private final CallbackSignature signature;
    private final Event<ProviderReceipt> receipts;

    ProviderCallbackResource(CallbackSignature signature, Event<ProviderReceipt> receipts) {
        this.signature = signature;
        this.receipts = receipts;
    }

    @POST
    @Path("/voice")
    @Operation(summary = "The IVR vendor's call outcome: {callId, outcome: ANSWERED|VOICEMAIL|NO_ANSWER|BUSY|FAILED, detail?}")
    public Response voice(byte[] body, @HeaderParam(CallbackSignature.HEADER) String signed) {
        JsonNode report = verified(body, signed);
        String outcome = required(report, "outcome");
        boolean answered = ANSWERED.contains(outcome);
        return deliver(new ProviderReceipt(required(report, "callId"), answered, answered ? null : "call " + outcome
                + (report.hasNonNull("detail") ? ": " + report.get("detail").asText() : "")));
    }

    @POST
    @Path("/messages")
    @Operation(summary = "A messaging provider's delivery report: {messageId, status: DELIVERED|FAILED, error?}")
    public Response message(byte[] body, @HeaderParam(CallbackSignature.HEADER) String signed) {
        JsonNode report = verified(body, signed);
        String status = required(report, "status");
        if (!status.equals("DELIVERED") && !status.equals("FAILED")) {
            throw new InvalidRequestException("status", "must be DELIVERED or FAILED, not " + status);
        }
        boolean delivered = status.equals("DELIVERED");
        return deliver(new ProviderReceipt(required(report, "messageId"), delivered,
                delivered ? null : "provider reported FAILED: " + report.path("error").asText("no reason given")));
    }

    private Response deliver(ProviderReceipt receipt) {
        try {
            receipts.fire(receipt);
            return Response.noContent().build();
        } catch (ProviderReceipt.UnknownMessage e) {
            return Response.status(Response.Status.CONFLICT).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(409, "Unknown message", e.getMessage())).build();
        }
    }

    private JsonNode verified(byte[] body, String signed) {
        if (!signature.verify(body, signed)) {
            throw new UnauthorizedException("missing or invalid " + CallbackSignature.HEADER);
        }
        try {
            return EventJson.parse(body);
        } catch (InvalidEventException e) {
            throw new InvalidRequestException("body", "is not JSON: " + e.getMessage());
        }
    }

    private static String required(JsonNode report, String field) {
        if (!report.hasNonNull(field) || report.get(field).asText().isBlank()) {
            throw new InvalidRequestException(field, "is required");
        }
        return report.get(field).asText();
    }
}
