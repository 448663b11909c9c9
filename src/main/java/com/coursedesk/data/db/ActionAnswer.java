package com.coursedesk.data.db;

import java.time.Instant;
import java.util.Objects;

/**
 * The server's answer to an action.
 *
 * @param answeredAt  when the answer arrived (local clock)
 * @param httpStatus  the HTTP status, e.g. 200 or 409
 * @param code        the problem's {@code code} for a refusal, or null
 * @param detail      the problem's {@code detail} for a refusal, or null
 * @param resultJson  the response body (the updated record, or the problem), or null
 * @param serverTime  the server's time of the answer (its {@code Date} header), or null
 */
public record ActionAnswer(Instant answeredAt, int httpStatus, String code, String detail, String resultJson,
                           Instant serverTime) {

    public ActionAnswer {
        Objects.requireNonNull(answeredAt, "answeredAt");
    }
}
