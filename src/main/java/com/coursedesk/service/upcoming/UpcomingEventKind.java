package com.coursedesk.service.upcoming;

/** The kinds of coming money events, with a stable name for ids and calendar exports. */
public enum UpcomingEventKind {
    /** A free trial ends and its first payment is taken. */
    TRIAL_CONVERSION("trial_conversion"),
    /** A paid subscription renews and is charged. */
    RENEWAL("renewal"),
    /** The provider tries again to take a failed renewal payment. */
    PAYMENT_RETRY("payment_retry"),
    /** The last moment to ask for a refund of a web purchase. */
    REFUND_WINDOW_CLOSES("refund_window_closes"),
    /** A canceled subscription's access ends; nothing more is charged. */
    ACCESS_ENDS("access_ends"),
    /** The learner's own reminder to restart a paused subscription. */
    RESTART_REMINDER("restart_reminder");

    private final String wireName;

    UpcomingEventKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
