package io.arrears.console.pages;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every word on the console's pages, in English here and in Simplified Chinese in
 * {@code messages/msg_zh-CN.properties}; a test keeps the two complete.
 */
@MessageBundle
public interface Msg {

    @Message("Skip to content")
    String skip_to_content();

    @Message("Console")
    String nav_label();

    @Message("Work queue")
    String nav_queue();

    @Message("Approvals")
    String nav_approvals();

    @Message("Dashboard")
    String nav_dashboard();

    @Message("Strategy results")
    String nav_strategy();

    @Message("Complaints")
    String nav_complaints();

    @Message("Sign out")
    String sign_out();

    @Message("The services did not accept your sign-in; it may have expired")
    String error_signed_out();

    @Message("Sign out and sign in again")
    String sign_in_again();

    @Message("Back to your start page")
    String back_home();

    @Message("Your role may not do this")
    String error_forbidden();

    @Message("Not found")
    String error_not_found();

    @Message("The service refused this")
    String error_refused();

    @Message("A service did not answer; try again in a moment")
    String error_unreachable();

    @Message("Work queue")
    String queue_title();

    @Message("All cases, not only those needing an agent")
    String queue_all();

    @Message("{count} cases")
    String queue_count(long count);

    @Message("No case needs an agent.")
    String queue_empty();

    @Message("State")
    String state();

    @Message("Bucket")
    String bucket();

    @Message("Arm")
    String arm();

    @Message("Segment")
    String segment();

    @Message("Any")
    String any();

    @Message("Filter")
    String filter();

    @Message("Show")
    String show();

    @Message("Case")
    String case_label();

    @Message("Days past due")
    String days_past_due();

    @Message("Overdue")
    String amount_overdue();

    @Message("Broken promises")
    String broken_promises();

    @Message("Broken plans")
    String broken_plans();

    @Message("Needs an agent since")
    String needs_agent_since();

    @Message("Pages")
    String pages();

    @Message("Previous")
    String previous();

    @Message("Next")
    String next();

    @Message("Page {page} of {pages}")
    String page_of(int page, int pages);

    @Message("Open")
    String state_OPEN();

    @Message("On hold")
    String state_ON_HOLD();

    @Message("Promised")
    String state_PROMISED();

    @Message("In plan")
    String state_IN_PLAN();

    @Message("With an agency")
    String state_ESCALATED_AGENCY();

    @Message("Legal review")
    String state_LEGAL_REVIEW();

    @Message("Closed")
    String state_CLOSED();

    @Message("The account's figures")
    String figures();

    @Message("Minimum due")
    String minimum_due();

    @Message("Total balance")
    String total_balance();

    @Message("Due date")
    String due_date();

    @Message("Account")
    String account_status();

    @Message("as of")
    String as_of();

    @Message("Escalation")
    String escalation();

    @Message("Contact points (masked)")
    String contact_points();

    @Message("Language")
    String language();

    @Message("Email")
    String email();

    @Message("Phones")
    String phones();

    @Message("Consents")
    String consents();

    @Message("Do not contact")
    String do_not_contact();

    @Message("Yes")
    String yes();

    @Message("No")
    String no();

    @Message("Contact holds")
    String holds();

    @Message("complaint hold since")
    String hold_open();

    @Message("Record a call")
    String record_call();

    @Message("Outcome")
    String call_outcome();

    @Message("Reached")
    String outcome_REACHED();

    @Message("No answer")
    String outcome_NO_ANSWER();

    @Message("Wrong number")
    String outcome_WRONG_NUMBER();

    @Message("Refused to talk")
    String outcome_REFUSED();

    @Message("Disputes the debt")
    String outcome_DISPUTE();

    @Message("Promise to pay")
    String outcome_PROMISE_TO_PAY();

    @Message("Upheld")
    String outcome_UPHELD();

    @Message("Partially upheld")
    String outcome_PARTIALLY_UPHELD();

    @Message("Rejected")
    String outcome_REJECTED();

    @Message("Promise to pay")
    String promise_to_pay();

    @Message("Amount")
    String promised_amount();

    @Message("Pay by")
    String promised_date();

    @Message("Note")
    String note();

    @Message("Record")
    String record();

    @Message("Negotiate a plan")
    String negotiate_plan();

    @Message("A plan is in force:")
    String plan_in_force();

    @Message("These terms are beyond your limits but within a supervisor's: send them to a supervisor for approval.")
    String plan_needs_supervisor();

    @Message("Type")
    String plan_type();

    @Message("Instalments")
    String plan_INSTALMENTS();

    @Message("Deferral")
    String plan_DEFERRAL();

    @Message("Settlement")
    String plan_SETTLEMENT();

    @Message("Instalments")
    String instalments();

    @Message("First payment")
    String first_due_date();

    @Message("Amount in all (optional)")
    String plan_amount();

    @Message("Pay by")
    String pay_by();

    @Message("Settlement amount")
    String settlement_amount();

    @Message("Interest waived")
    String waived_interest();

    @Message("Fees waived")
    String waived_fees();

    @Message("Agree the plan")
    String agree_plan();

    @Message("Send to a supervisor")
    String ask_supervisor();

    @Message("Within your limits")
    String verdict_WITHIN_LIMITS();

    @Message("Needs a supervisor")
    String verdict_NEEDS_SUPERVISOR();

    @Message("Beyond every role's limits")
    String verdict_BEYOND_ALL_LIMITS();

    @Message("To pay")
    String to_pay();

    @Message("forgiven")
    String forgiven();

    @Message("written off")
    String written_off();

    @Message("Amount")
    String amount();

    @Message("Limits in force")
    String limits_in_force();

    @Message("Agent")
    String role_agent();

    @Message("Supervisor")
    String role_supervisor();

    @Message("Most instalments")
    String limit_max_instalments();

    @Message("Days to first instalment")
    String limit_max_first_due_days();

    @Message("Days of deferral")
    String limit_max_deferral_days();

    @Message("Most forgiven")
    String limit_max_waiver_percent();

    @Message("Least a settlement pays")
    String limit_min_settlement_percent();

    @Message("The call is recorded.")
    String done_contact();

    @Message("The promise is recorded; reminders pause until its date.")
    String done_promise();

    @Message("The plan is agreed; the reminder ladder has stopped.")
    String done_plan();

    @Message("The plan is waiting for a supervisor.")
    String done_approval();

    @Message("Promises")
    String promises();

    @Message("Paid")
    String paid();

    @Message("Status")
    String status();

    @Message("Taken by")
    String made_by();

    @Message("Plans")
    String plans();

    @Message("agreed by")
    String agreed_by();

    @Message("Timeline")
    String timeline();

    @Message("Reminder ladder")
    String ladder();

    @Message("Template")
    String template();

    @Message("day {day}")
    String day(Integer day);

    @Message("Time")
    String time();

    @Message("What")
    String what();

    @Message("Channel")
    String channel();

    @Message("Guard decision · rule")
    String guard();

    @Message("Who")
    String who();

    @Message("Detail")
    String detail();

    @Message("Plans waiting for a supervisor")
    String approvals_title();

    @Message("No plan is waiting.")
    String approvals_empty();

    @Message("Asked for by")
    String asked_by();

    @Message("Approve")
    String approve();

    @Message("Decline")
    String decline();

    @Message("Why")
    String decline_reason();

    @Message("Approved: the plan is agreed.")
    String approval_approved();

    @Message("Declined.")
    String approval_declined();

    @Message("Where collections stand")
    String dashboard_title();

    @Message("{count} plans waiting for approval")
    String waiting_approvals(long count);

    @Message("{count} open complaints")
    String open_complaints(long count);

    @Message("{count} complaints past an SLA")
    String complaints_past_sla(long count);

    @Message("Cases by bucket and state")
    String cases_by_bucket_and_state();

    @Message("Reminders by channel and latest outcome")
    String reminders_by_channel_and_status();

    @Message("Escalations")
    String escalations();

    @Message("Total")
    String total();

    @Message("Nothing yet.")
    String nothing_yet();

    @Message("Champion and challenger")
    String strategy_title();

    @Message("Cases opened from")
    String opened_from();

    @Message("to (not included)")
    String opened_to();

    @Message("Cases opened from {from} up to {to}; a case is cured when it is paid or its plan completed within {days} days.")
    String strategy_cohort(java.time.LocalDate from, java.time.LocalDate to, int days);

    @Message("Cured within {days} days")
    String cure_rate(int days);

    @Message("Cure rate")
    String cure_rate_short();

    @Message("Contact cost per cure")
    String cost_per_cure();

    @Message("Promises kept")
    String kept_promise_rate();

    @Message("Roll rates: cases that went on to the next bucket")
    String roll_rates();

    @Message("Colours")
    String legend();

    @Message("The figures behind the charts")
    String strategy_table();

    @Message("Cases")
    String cases_opened();

    @Message("Cured")
    String cured();

    @Message("Kept")
    String promises_kept();

    @Message("Broken")
    String promises_broken();

    @Message("Plans agreed")
    String plans_agreed();

    @Message("Completed")
    String plans_completed();

    @Message("Broken")
    String plans_broken();

    @Message("Contacts")
    String contacts();

    @Message("Contact cost")
    String contact_cost();

    @Message("Complaints")
    String complaints_title();

    @Message("{count} complaints")
    String complaint_count(long count);

    @Message("No complaint.")
    String complaints_empty();

    @Message("Complaint")
    String complaint();

    @Message("Category")
    String category();

    @Message("Holds contact")
    String holds_contact();

    @Message("Received")
    String received();

    @Message("SLA")
    String sla();

    @Message("Due")
    String due();

    @Message("Time left")
    String time_left();

    @Message("Received")
    String complaint_RECEIVED();

    @Message("Acknowledged")
    String complaint_ACKNOWLEDGED();

    @Message("Investigating")
    String complaint_INVESTIGATING();

    @Message("With a supervisor")
    String complaint_ESCALATED_SUPERVISOR();

    @Message("Referred to the regulator")
    String complaint_REGULATOR_REFERRAL();

    @Message("Resolved")
    String complaint_RESOLVED();

    @Message("Acknowledge by")
    String sla_acknowledge();

    @Message("Resolve by")
    String sla_resolve();

    @Message("Done")
    String sla_done();

    @Message("Acknowledged.")
    String complaint_done_acknowledge();

    @Message("The investigation has started.")
    String complaint_done_investigate();

    @Message("Resolved; if it held contact, contact is released.")
    String complaint_done_resolve();

    @Message("Escalated.")
    String complaint_done_escalate();

    @Message("The complaint")
    String complaint_about();

    @Message("breached")
    String breached();

    @Message("Outcome")
    String outcome();

    @Message("Remedy")
    String remedy();

    @Message("Next step")
    String complaint_next();

    @Message("Acknowledge")
    String acknowledge();

    @Message("Start investigating")
    String investigate();

    @Message("Resolve")
    String resolve();

    @Message("Escalate")
    String escalate();

    @Message("Escalate to")
    String escalate_to();

    @Message("A supervisor")
    String escalate_SUPERVISOR();

    @Message("The regulator")
    String escalate_REGULATOR_REFERRAL();

    @Message("Reference")
    String reference();

    @Message("Nothing further: the complaint is closed.")
    String complaint_closed();

    @Message("Contact evidence")
    String evidence();

    @Message("No breach of the contact rules was found.")
    String no_breaches_flagged();

    @Message("Audit trail")
    String audit_trail();

    @Message("Agencies")
    String nav_agencies();

    @Message("Collection agencies")
    String agencies_title();

    @Message("Month")
    String agencies_month();

    @Message("The account was recalled from the agency.")
    String agency_recalled();

    @Message("Scorecards")
    String scorecards();

    @Message("Agency")
    String agency();

    @Message("Placed")
    String placed();

    @Message("Held now")
    String active_now();

    @Message("Contacted")
    String contacted();

    @Message("Conversations")
    String conversations();

    @Message("Complaints")
    String complaint_recalls();

    @Message("Refused by the rules")
    String refused_actions();

    @Message("Collected (bank records)")
    String collected();

    @Message("Claimed by agency")
    String claimed();

    @Message("Commission")
    String commission();

    @Message("Whitelist")
    String whitelist();

    @Message("Regions")
    String regions();

    @Message("Buckets")
    String buckets();

    @Message("Held / capacity")
    String load();

    @Message("Commission rates")
    String commission_rates();

    @Message("Channels")
    String channels();

    @Message("Contract until")
    String contract_until();

    @Message("Last review")
    String reviewed_on();

    @Message("off the list")
    String unlisted();

    @Message("No account is with an agency.")
    String placements_empty();

    @Message("Placed")
    String placed_at();

    @Message("Until")
    String placed_until();

    @Message("Actions")
    String agency_actions();

    @Message("Recall")
    String recall();

    @Message("Reason")
    String recall_reason();

    @Message("Supervisor decision")
    String recall_supervisor();

    @Message("Non-performance: move on")
    String recall_non_performance();

    @Message("Why")
    String recall_note();

    @Message("Accounts with agencies ({total})")
    String placements_active(long total);
}
