package io.arrears.reminder.strategy;

import io.arrears.events.Channel;

import java.util.Optional;

/** What a ladder step does: reach the cardholder on a channel, give an agent a call task, or escalate. */
public enum StepChannel {
    SMS, EMAIL, VOICE, LETTER, AGENT_CALL, AGENCY, LEGAL_REVIEW;

    /** The contact-channel channel for steps that send something to the cardholder. */
    public Optional<Channel> contactChannel() {
        return switch (this) {
            case SMS -> Optional.of(Channel.SMS);
            case EMAIL -> Optional.of(Channel.EMAIL);
            case VOICE -> Optional.of(Channel.VOICE);
            case LETTER -> Optional.of(Channel.LETTER);
            case AGENT_CALL, AGENCY, LEGAL_REVIEW -> Optional.empty();
        };
    }

    public static StepChannel of(Channel channel) {
        return valueOf(channel.name());
    }
}
