package com.coursedesk.data.api;

/**
 * The contract's stable machine-readable error reasons ({@code code} of a problem answer).
 * A code this client does not know becomes {@link #UNKNOWN}; {@link ApiException#rawCode()}
 * keeps what the server sent.
 */
public enum ApiErrorCode {
    INVALID_REQUEST("invalid_request"),
    INVALID_CREDENTIALS("invalid_credentials"),
    INVALID_TOKEN("invalid_token"),
    TOKEN_EXPIRED("token_expired"),
    RATE_LIMITED("rate_limited"),
    UNAVAILABLE("unavailable"),
    CURSOR_EXPIRED("cursor_expired"),
    NOT_FOUND("not_found"),
    NOT_CANCELABLE("not_cancelable"),
    NOT_RESTARTABLE("not_restartable"),
    NOT_REFUNDABLE("not_refundable"),
    MANAGED_ELSEWHERE("managed_elsewhere"),
    PAYMENT_FAILED("payment_failed"),
    IDEMPOTENCY_KEY_REUSED("idempotency_key_reused"),
    IDEMPOTENCY_KEY_REQUIRED("idempotency_key_required"),
    /** A code this client does not know, or none at all. */
    UNKNOWN(null);

    private final String wireName;

    ApiErrorCode(String wireName) {
        this.wireName = wireName;
    }

    /** The contract's spelling, or null for {@link #UNKNOWN}. */
    public String wireName() {
        return wireName;
    }

    /** The matching code, or {@link #UNKNOWN} for null or an unknown string (never throws). */
    public static ApiErrorCode fromWire(String wire) {
        if (wire != null) {
            for (ApiErrorCode code : values()) {
                if (wire.equals(code.wireName)) {
                    return code;
                }
            }
        }
        return UNKNOWN;
    }
}
