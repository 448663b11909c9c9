package com.coursedesk.data.db;

import java.time.Instant;

/**
 * One row of the action history. Nullable fields are null until the step that sets them.
 *
 * @param attempts   how many times it was handed to the network
 * @param lastError  the last transport error (no answer from the server), or null
 */
public record ActionRecord(
        long id,
        ActionKind kind,
        RecordType targetType,
        String targetId,
        String idempotencyKey,
        String requestJson,
        ActionState state,
        Instant createdAt,
        Instant sentAt,
        Instant answeredAt,
        int attempts,
        String lastError,
        Integer serverStatus,
        String serverCode,
        String serverDetail,
        String resultJson,
        Instant serverTime) {
}
