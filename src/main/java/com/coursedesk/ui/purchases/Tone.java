package com.coursedesk.ui.purchases;

/** How a status line reads: the view maps each to one of app.css's status classes. */
public enum Tone {
    /** Plain information. */
    NEUTRAL,
    /** All is well (refundable, refund confirmed). */
    OK,
    /** Needs attention (payment pending). */
    WARNING,
    /** A problem (not charged, refused). */
    DANGER,
    /** Asked for but not yet confirmed by the provider. */
    PENDING
}
