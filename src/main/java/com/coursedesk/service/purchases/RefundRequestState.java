package com.coursedesk.service.purchases;

import java.time.Instant;
import java.util.Objects;

/**
 * Where the learner's latest refund request for one purchase stands, from the action history.
 *
 * @param askedAt    when the learner confirmed it (this computer's clock)
 * @param answeredAt when the provider's answer arrived, or null while pending
 * @param detail     the provider's reason for a refusal (its words), or null
 */
public record RefundRequestState(Stage stage, Instant askedAt, Instant answeredAt, String detail) {

    /** Waiting to be sent or answered; carried out; refused (or rejected for good). */
    public enum Stage {
        PENDING, CONFIRMED, REFUSED
    }

    public RefundRequestState {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(askedAt, "askedAt");
    }
}
