package com.coursedesk.data.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently retryable calls are repeated: exponential backoff with full
 * jitter (a random wait between 0 and {@code min(maxDelay, baseDelay * 2^retry)}), so many
 * clients that failed together do not come back together. A {@code Retry-After} from the
 * server replaces the computed wait.
 *
 * @param maxAttempts total attempts including the first; 1 means no retries
 * @param baseDelay   the backoff ceiling before the first retry
 * @param maxDelay    the largest wait; a {@code Retry-After} longer than this is not waited
 *                    out, the error goes to the caller instead
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    public static final int DEFAULT_MAX_ATTEMPTS = 4;
    public static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(250);
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(30);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (baseDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("delays must not be negative");
        }
    }

    /** 4 attempts, 250 ms base, 30 s cap. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(DEFAULT_MAX_ATTEMPTS, DEFAULT_BASE_DELAY, DEFAULT_MAX_DELAY);
    }

    /** Every call is tried once. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, DEFAULT_BASE_DELAY, DEFAULT_MAX_DELAY);
    }

    /**
     * The upper bound of the random wait before retry number {@code retry} (0 for the first
     * retry): {@code min(maxDelay, baseDelay * 2^retry)}, without overflowing.
     */
    public Duration backoffCeiling(int retry) {
        if (retry < 0) {
            throw new IllegalArgumentException("retry must not be negative");
        }
        long base = baseDelay.toNanos();
        long cap = maxDelay.toNanos();
        if (base == 0) {
            return Duration.ZERO;
        }
        // Shifting past the cap's magnitude would overflow; once over the cap, stay there.
        if (retry >= 62 || base > (cap >> Math.min(retry, 62))) {
            return maxDelay;
        }
        return Duration.ofNanos(Math.min(cap, base << retry));
    }
}
