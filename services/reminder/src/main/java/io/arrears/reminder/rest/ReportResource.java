package io.arrears.reminder.rest;

import io.arrears.reminder.config.ReminderConfig;
import io.arrears.reminder.reports.OperationsFigures;
import io.arrears.reminder.reports.OperationsReport;
import io.arrears.reminder.reports.StrategyReport;
import io.arrears.reminder.reports.StrategyResults;
import io.arrears.web.InvalidRequestException;
import io.arrears.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

@Path("/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
@Tag(name = "reports", description = "How the collection strategy performs, from the service's own records")
public class ReportResource {

    /** A year and a day: enough to compare a year with the one before, small enough to stay one query. */
    private static final int LONGEST_PERIOD_DAYS = 366;
    private static final int DEFAULT_PERIOD_DAYS = 90;

    private final StrategyReport report;
    private final OperationsReport operations;
    private final Clock clock;
    private final ZoneId bankZone;

    ReportResource(StrategyReport report, OperationsReport operations, Clock clock, ReminderConfig config) {
        this.report = report;
        this.operations = operations;
        this.clock = clock;
        this.bankZone = config.schedule().zone();
    }

    @GET
    @Path("/operations")
    @Operation(summary = "Where collections stand now: cases by bucket and state, reminders by channel and latest outcome, "
            + "promises and plans by status, escalations, and plans waiting for a supervisor")
    public OperationsFigures operations() {
        return operations.now();
    }

    @GET
    @Path("/strategy")
    @Operation(summary = "Per strategy arm and segment, for the cases opened from 'from' up to 'to' (bank dates, 'to' excluded; "
            + "the last 90 days by default): cure rate, roll rate from each bucket to the next, kept-promise rate, plans, "
            + "contacts and cost per cure")
    public StrategyResults strategy(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate end = to == null ? LocalDate.now(clock.withZone(bankZone)).plusDays(1) : date("to", to);
        LocalDate start = from == null ? end.minusDays(DEFAULT_PERIOD_DAYS) : date("from", from);
        if (!start.isBefore(end)) {
            throw new InvalidRequestException("from", "must be before 'to' (" + end + ")");
        }
        if (start.plusDays(LONGEST_PERIOD_DAYS).isBefore(end)) {
            throw new InvalidRequestException("from", "the period may be at most " + LONGEST_PERIOD_DAYS + " days");
        }
        return report.of(start, end);
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "must be a date like 2031-03-01");
        }
    }
}
