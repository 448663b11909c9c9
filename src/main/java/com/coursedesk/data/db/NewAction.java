package com.coursedesk.data.db;

import java.time.Instant;
import java.util.Objects;

/**
 * An action the learner has just confirmed, to be stored as pending.
 *
 * @param idempotencyKey generated once when the learner confirms and reused on every retry
 * @param requestJson    the exact request body to send, so a retry sends the same bytes
 */
public record NewAction(ActionKind kind, String targetId, String idempotencyKey, String requestJson,
                        Instant createdAt) {

    public NewAction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(requestJson, "requestJson");
        Objects.requireNonNull(createdAt, "createdAt");
        if (idempotencyKey.isEmpty() || idempotencyKey.length() > 255) {
            throw new IllegalArgumentException("idempotencyKey must be 1 to 255 characters");
        }
    }
}
