package com.coursedesk.sandbox;

/**
 * A refusal that becomes an {@code application/problem+json} answer with the contract's
 * {@code code}. Thrown anywhere below the HTTP layer; the server turns it into the answer.
 */
final class Problem extends RuntimeException {

    final int status;
    final String code;
    final String title;
    final Integer retryAfterSeconds;

    Problem(int status, String code, String title, String detail) {
        this(status, code, title, detail, null);
    }

    Problem(int status, String code, String title, String detail, Integer retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static Problem invalidRequest(String detail) {
        return new Problem(400, "invalid_request", "Invalid request", detail);
    }

    static Problem notFound(String detail) {
        return new Problem(404, "not_found", "Not found", detail);
    }

    static Problem conflict(String code, String title, String detail) {
        return new Problem(409, code, title, detail);
    }

    static Problem managedElsewhere(String channel) {
        String store = channel.equals("app_store") ? "Apple's App Store" : "Google Play";
        return new Problem(409, "managed_elsewhere", "Managed elsewhere",
                "This was bought through " + store + "; manage it and ask for refunds there.");
    }
}
