package com.coursedesk.service.subscriptions;

/** How a line should read: the screen maps each to a style (green, amber, red, grey, italic). */
public enum Tone {
    /** Plain information. */
    NEUTRAL,
    /** All is well: running, confirmed. */
    OK,
    /** Needs the learner's attention soon: set to end, a payment close while offline. */
    WARNING,
    /** Something failed: a payment problem, a refused action. */
    DANGER,
    /** Over: ended, in the past. */
    MUTED,
    /** Asked for here, not yet confirmed by the provider. */
    PENDING
}
