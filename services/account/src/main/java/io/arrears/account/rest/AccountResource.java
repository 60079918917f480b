package io.arrears.account.rest;

import io.arrears.account.ledger.Account;
import io.arrears.account.delinquency.AccountQueries;
import io.arrears.web.InvalidRequestException;
import io.arrears.web.Page;
import io.arrears.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/accounts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.AUDITOR})
@Tag(name = "accounts", description = "Card accounts and their delinquency")
public class AccountResource {

    private final AccountQueries queries;

    AccountResource(AccountQueries queries) {
        this.queries = queries;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An account: delinquency as of the last closed business day, and its current plan")
    public AccountView get(@PathParam("id") String id) {
        return queries.find(id).map(AccountMapping::view)
                .orElseThrow(() -> new NotFoundException("account " + id + " is not known"));
    }

    @GET
    @Operation(summary = "Accounts by status and bucket, a page at a time")
    public Page<AccountSummary> list(
            @QueryParam("status") @Pattern(regexp = "CURRENT|DELINQUENT|IN_PLAN", message = "must be CURRENT, DELINQUENT or IN_PLAN") String status,
            @QueryParam("bucket") String bucket,
            @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "must be between 0 and 100000") @Max(value = 100_000, message = "must be between 0 and 100000") int page,
            @QueryParam("size") @DefaultValue("20") @Min(value = 1, message = "must be between 1 and 200") @Max(value = 200, message = "must be between 1 and 200") int size) {
        if (bucket != null && !queries.isKnownBucket(bucket)) {
            throw new InvalidRequestException("bucket", "must be CURRENT or one of " + queries.buckets());
        }
        AccountQueries.Listing listing = queries.list(status == null ? null : Account.Status.valueOf(status), bucket, page, size);
        return new Page<>(listing.accounts().stream().map(AccountMapping::summary).toList(), page, size, listing.total());
    }
}
