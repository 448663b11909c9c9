package com.coursedesk.data.api;

import java.time.Duration;
import java.util.Optional;

/**
 * The server refused the request with an HTTP error status, normally with an
 * {@code application/problem+json} body. An error answer without a readable problem body
 * (a proxy's HTML page, say) still becomes this, with {@link ApiErrorCode#UNKNOWN}.
 */
public final class ApiException extends ApiClientException {

    private final int status;
    private final ApiErrorCode code;
    private final String rawCode;
    private final String title;
    private final String detail;
    private final Duration retryAfter;

    public ApiException(int status, String rawCode, String title, String detail, Duration retryAfter) {
        super(message(status, rawCode, detail), null);
        this.status = status;
        this.code = ApiErrorCode.fromWire(rawCode);
        this.rawCode = rawCode;
        this.title = title;
        this.detail = detail;
        this.retryAfter = retryAfter;
    }

    private static String message(int status, String rawCode, String detail) {
        return "HTTP " + status + (rawCode == null ? "" : " " + rawCode) + (detail == null ? "" : ": " + detail);
    }

    /** The HTTP status of the answer. */
    public int status() {
        return status;
    }

    /** The contract's reason; {@link ApiErrorCode#UNKNOWN} if absent or not known here. */
    public ApiErrorCode code() {
        return code;
    }

    /** The {@code code} string exactly as the server sent it, or null if there was none. */
    public String rawCode() {
        return rawCode;
    }

    /** The problem's short title, or null. */
    public String title() {
        return title;
    }

    /** The problem's human-readable explanation, or null. */
    public String detail() {
        return detail;
    }

    /** How long the server asked the client to wait ({@code Retry-After}), if it did. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
