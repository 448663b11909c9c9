package com.coursedesk.service.actions;

/**
 * The learner asked for something the local copy already shows cannot be done (a store
 * subscription, an already-ended one, a refund outside its window). Nothing was queued.
 */
public final class ActionNotAllowedException extends RuntimeException {

    /** Why, as a stable key the screens translate. */
    public enum Reason {
        NOT_FOUND, MANAGED_ELSEWHERE, NOT_CANCELABLE, NOT_RESTARTABLE, NOT_REFUNDABLE, ALREADY_PENDING, INVALID_INPUT
    }

    private final Reason reason;

    public ActionNotAllowedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
