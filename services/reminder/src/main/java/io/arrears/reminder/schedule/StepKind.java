package io.arrears.reminder.schedule;

import io.arrears.reminder.cases.CaseState;

/** Why a step exists, which decides in which case states it may fire. A fallback has the kind of the step it replaces. */
public enum StepKind {
    /** A rung of the treatment ladder. */
    LADDER,
    /** A reminder before the due date; no case exists yet. */
    PRE_DUE,
    /** A courtesy reminder before a plan instalment. */
    PLAN_REMINDER,
    /** A courtesy reminder before a promised payment date. */
    PROMISE_REMINDER,
    /** The moment a promise to pay is judged kept or broken; it contacts nobody. */
    PROMISE_CHECK;

    public boolean activeIn(CaseState state) {
        return switch (this) {
            case LADDER -> state.laddersRun();
            case PRE_DUE -> true;
            case PLAN_REMINDER -> state == CaseState.IN_PLAN;
            case PROMISE_REMINDER -> state == CaseState.PROMISED;
            case PROMISE_CHECK -> state == CaseState.PROMISED || state == CaseState.ON_HOLD;
        };
    }
}
