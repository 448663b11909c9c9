package com.coursedesk.service.sync;

import com.coursedesk.service.auth.SignedOutException;

import java.time.Instant;
import java.util.Objects;

/**
 * What the sync engine is doing, for the status bar and {@code status}. Every variant that can
 * carry it holds the server time of the last complete sync (null before the first).
 */
public sealed interface SyncStatus {

    /** Up to date as of {@code lastSyncedAt}. */
    record Idle(Instant lastSyncedAt) implements SyncStatus {
    }

    /**
     * Catching up: {@code done} of {@code total} changes applied ({@code total} is -1 until the
     * first page tells how many remain). {@code retryAt}: not null while the pass waits because
     * the provider asked it to ({@code Retry-After} on a 429 or 503), the instant it tries again;
     * the engine publishes the same progress without it as soon as the retry starts, and every
     * later status of the pass (its progress, its end) carries no wait the pass no longer makes.
     */
    record Syncing(long done, long total, Instant lastSyncedAt, Instant retryAt) implements SyncStatus {
        public Syncing(long done, long total, Instant lastSyncedAt) {
            this(done, total, lastSyncedAt, null);
        }

        /** The same progress, waiting until {@code at} (null: not waiting). */
        public Syncing retryingAt(Instant at) {
            return new Syncing(done, total, lastSyncedAt, at);
        }

        public double fraction() {
            return total <= 0 ? -1 : Math.min(1.0, (double) done / total);
        }
    }

    /**
     * The server cannot be reached; showing the local copy as of {@code lastSyncedAt}.
     * {@code firstSyncUnfinished}: no sync has completed yet, but some pages of the first one
     * were kept, so what shows is part of the history (not nothing, and not all of it).
     */
    record Offline(Instant lastSyncedAt, boolean firstSyncUnfinished) implements SyncStatus {
        public Offline(Instant lastSyncedAt) {
            this(lastSyncedAt, false);
        }
    }

    /**
     * No session: the learner must sign in to sync (local data stays readable). {@code reason}
     * says whether the learner signed out or the session ended on them; {@code
     * firstSyncUnfinished} as for {@link Offline}.
     */
    record SignedOut(SignedOutException.Reason reason, Instant lastSyncedAt, boolean firstSyncUnfinished)
            implements SyncStatus {
        public SignedOut {
            Objects.requireNonNull(reason, "reason");
        }

        public SignedOut(SignedOutException.Reason reason, Instant lastSyncedAt) {
            this(reason, lastSyncedAt, false);
        }
    }

    /** The last attempt failed for {@code reason}; nothing stored was lost. */
    record Failed(Reason reason, String detail, Instant lastSyncedAt) implements SyncStatus {
    }

    /** Why a sync failed, as stable keys the screens translate into plain words. */
    enum Reason {
        /** The server answered with an error (5xx, or too many requests) even after retries. */
        SERVER_ERROR,
        /** The server's answer could not be read; nothing was changed locally. */
        BAD_RESPONSE,
        /** The local store could not be written (disk full, file damaged). */
        STORE_ERROR,
        /** The server refused the request itself (a client defect; see the log). */
        REFUSED,
        /**
         * The provider's address answers, but its TLS certificate could not be verified
         * (self-signed, expired, another host name): not "offline", and nothing was sent.
         */
        UNTRUSTED_CERTIFICATE
    }

    Instant lastSyncedAt();
}
