package com.coursedesk.data.api;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Who is told when a call of this thread waits before retrying because the server asked it to
 * ({@code Retry-After} on a 429 or 503), and when that wait is over. The caller that knows what
 * the call is for (a sync pass, its pages fetched ahead on other threads) runs the call
 * {@link #during} its own listener, on whichever thread the call waits; calls made outside any
 * tell no one. Waits of the client's own backoff are not told: they are short and the server
 * asked for nothing.
 */
public final class RetryWaits {

    /** Told of the waits of the calls it is {@link #during}. */
    public interface Listener {

        /** The call waits {@code wait} before trying again (told just before it sleeps). */
        void waiting(Duration wait);

        /** The wait told just before is over: the retry starts now, or the wait was interrupted. */
        void waited();
    }

    private static final ThreadLocal<Listener> CURRENT = new ThreadLocal<>();

    private RetryWaits() {
    }

    /** Runs {@code work} on this thread with {@code listener} told of its calls' waits. */
    public static <T> T during(Listener listener, Supplier<T> work) {
        Objects.requireNonNull(listener, "listener");
        Listener before = CURRENT.get();
        CURRENT.set(listener);
        try {
            return work.get();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    /** The listener of this thread's calls, or null. */
    static Listener current() {
        return CURRENT.get();
    }
}
