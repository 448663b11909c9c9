package com.coursedesk.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox's own time: the real clock plus an offset that only moves forward, so tests can
 * make trials end and periods renew without waiting. The offset is persisted by the store.
 */
public final class SandboxClock {

    private final Clock base;
    private final AtomicLong offsetMillis;

    SandboxClock(Clock base, long offsetMillis) {
        this.base = base;
        this.offsetMillis = new AtomicLong(offsetMillis);
    }

    /** Now, to the second (the API's timestamps carry whole seconds). */
    public Instant now() {
        return base.instant().plusMillis(offsetMillis.get()).truncatedTo(ChronoUnit.SECONDS);
    }

    long offsetMillis() {
        return offsetMillis.get();
    }

    void advance(Duration by) {
        if (by.isNegative()) {
            throw Problem.invalidRequest("The sandbox clock only moves forward.");
        }
        offsetMillis.addAndGet(by.toMillis());
    }
}
