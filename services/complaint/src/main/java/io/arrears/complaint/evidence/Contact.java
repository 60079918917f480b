package io.arrears.complaint.evidence;

import io.arrears.events.Channel;

import java.time.Instant;

/** One contact the bank made: a reminder that went out on a channel at a moment, with what became of it. */
public record Contact(String reminderId, Channel channel, Instant at, String status) {
}
