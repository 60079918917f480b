package io.arrears.contact.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.arrears.contact.channel.ProviderReceipt;
import io.arrears.events.EventJson;
import io.arrears.events.InvalidEventException;
import io.arrears.web.InvalidRequestException;
import io.arrears.web.ProblemResponses;
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
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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

    private static final String SIGNED = "HMAC-SHA256 of the body with the secret shared with the provider";
    private static final Set<String> ANSWERED = Set.of("ANSWERED", "COMPLETED");

    private final CallbackSignature signature;
    private final CallbackReplays replays;
    private final Event<ProviderReceipt> receipts;

    ProviderCallbackResource(CallbackSignature signature, CallbackReplays replays, Event<ProviderReceipt> receipts) {
        this.signature = signature;
        this.replays = replays;
        this.receipts = receipts;
    }

    @POST
    @Path("/voice")
    @Operation(summary = "The IVR vendor's call outcome: {callId, outcome: ANSWERED|VOICEMAIL|NO_ANSWER|BUSY|FAILED, verified?, detail?};"
            + " only an answered call whose listener keyed in the card's digits (verified: true) heard the message")
    @Extension(name = ProblemResponses.SIGNATURE_HEADER, value = CallbackSignature.HEADER)
    @APIResponse(responseCode = "204", description = "Taken")
    @APIResponse(responseCode = "401", description = "The signature is missing, does not match the body, is stale or was used before")
    @APIResponse(responseCode = "409", description = "No call with that id was placed")
    public Response voice(byte[] body, @HeaderParam(CallbackSignature.HEADER) @Parameter(description = SIGNED) String signed) {
        CallbackSignature.Signed callback = verified(body, signed);
        JsonNode report = parsed(body);
        String outcome = required(report, "outcome");
        String callId = required(report, "callId");
        if (ANSWERED.contains(outcome) && report.path("verified").asBoolean(false)) {
            return deliver(callback, new ProviderReceipt(callId, true, null, "ANSWERED"));
        }
        if (ANSWERED.contains(outcome)) {
            return deliver(callback, new ProviderReceipt(callId, false, "answered, but the cardholder was not confirmed: only the"
                    + " callback request was said", "UNVERIFIED"));
        }
        if (outcome.equals("VOICEMAIL")) {
            return deliver(callback, new ProviderReceipt(callId, false, "voicemail: only the callback request was left", "VOICEMAIL"));
        }
        return deliver(callback, new ProviderReceipt(callId, false, "call " + outcome
                + (report.hasNonNull("detail") ? ": " + report.get("detail").asText() : ""), outcome));
    }

    @POST
    @Path("/messages")
    @Operation(summary = "A messaging provider's delivery report: {messageId, status: DELIVERED|FAILED, error?}")
    @Extension(name = ProblemResponses.SIGNATURE_HEADER, value = CallbackSignature.HEADER)
    @APIResponse(responseCode = "204", description = "Taken")
    @APIResponse(responseCode = "401", description = "The signature is missing, does not match the body, is stale or was used before")
    @APIResponse(responseCode = "409", description = "No message with that id was sent")
    public Response message(byte[] body, @HeaderParam(CallbackSignature.HEADER) @Parameter(description = SIGNED) String signed) {
        CallbackSignature.Signed callback = verified(body, signed);
        JsonNode report = parsed(body);
        String status = required(report, "status");
        if (!status.equals("DELIVERED") && !status.equals("FAILED")) {
            throw new InvalidRequestException("status", "must be DELIVERED or FAILED, not " + status);
        }
        boolean delivered = status.equals("DELIVERED");
        return deliver(callback, new ProviderReceipt(required(report, "messageId"), delivered,
                delivered ? null : "provider reported FAILED: " + report.path("error").asText("no reason given")));
    }

    private Response deliver(CallbackSignature.Signed callback, ProviderReceipt receipt) {
        try {
            receipts.fire(receipt);
            return Response.noContent().build();
        } catch (ProviderReceipt.UnknownMessage e) {
            replays.forget(callback);
            return Response.status(Response.Status.CONFLICT).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(409, "Unknown message", e.getMessage())).build();
        }
    }

    private CallbackSignature.Signed verified(byte[] body, String header) {
        CallbackSignature.Signed callback = signature.verify(body, header).orElseThrow(() -> new UnauthorizedException(
                "missing or invalid " + CallbackSignature.HEADER + ", or signed outside the accepted window"));
        if (!replays.firstSight(callback)) {
            throw new UnauthorizedException("this signed callback was received before");
        }
        return callback;
    }

    private static JsonNode parsed(byte[] body) {
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
