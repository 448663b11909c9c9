package com.coursedesk.service.subscriptions;

/** What a restart costs, by the contract's rules. */
public enum RestartKind {
    /** Set to end and still running: the cancellation is undone, nothing is charged. */
    KEEP,
    /** Ended: a new period starts and its price is charged at once; deadlines start again. */
    CHARGE
}
