package com.coursedesk.ui.account;

/**
 * One row of the action history, in the learner's words and time zone.
 *
 * @param askedAt     when the learner confirmed it
 * @param what        "Cancel: Machine Learning"
 * @param state       "Pending", "Confirmed", …
 * @param stateStyle  the app.css class for the state ({@code pending}, {@code status-ok}, …)
 * @param answer      the provider's answer: status, code and detail, or why there is none yet
 * @param serverTime  the server's time of the answer, or a dash
 * @param key         the idempotency key sent with every attempt
 * @param details     a plain-text summary of all of it, for the clipboard
 */
public record ActionRow(long id, String askedAt, String what, String state, String stateStyle, String answer,
                        String serverTime, String key, String details) {
}
