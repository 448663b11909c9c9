package com.coursedesk.service.sync;

import java.time.Duration;
import java.time.Instant;

/**
 * How soon a retry comes, roughly, as a bundle key and its number: "in a few seconds" under
 * 10 s, "in about 25 seconds" (to 5 s) under 50 s, then "in about a minute", "in about 3
 * minutes". Shown once beside the retry's time of day, so it is rounded, not counted down. One
 * rule for the window's status bar and the command line's {@code sync}.
 *
 * @param key    {@code format.retryIn.fewSeconds}, {@code .seconds} or {@code .minutes}
 * @param amount the seconds or minutes the key's text takes (unused by fewSeconds)
 */
public record RetryDelay(String key, long amount) {

    public static RetryDelay between(Instant now, Instant at) {
        long seconds = Math.max(0, (Duration.between(now, at).toMillis() + 500) / 1000);
        if (seconds < 10) {
            return new RetryDelay("format.retryIn.fewSeconds", seconds);
        }
        if (seconds < 50) {
            return new RetryDelay("format.retryIn.seconds", (seconds + 2) / 5 * 5);
        }
        return new RetryDelay("format.retryIn.minutes", Math.max(1, (seconds + 30) / 60));
    }
}
