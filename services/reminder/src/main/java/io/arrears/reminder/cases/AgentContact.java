package io.arrears.reminder.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** What an agent recorded about one call with the cardholder. */
@Entity
@Table(name = "agent_contact")
public class AgentContact {

    public enum Outcome {
        REACHED, NO_ANSWER, WRONG_NUMBER, REFUSED, DISPUTE, PROMISE_TO_PAY;

        /** The call was a conversation with the cardholder, which the contact rules count. */
        public boolean reachedCardholder() {
            return this != NO_ANSWER && this != WRONG_NUMBER;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String caseId;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    public String note;
    public String agent;
    public OffsetDateTime at;
    public String promiseId;
}
