package com.coursedesk.cli;

import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.service.sync.RetryDelay;
import com.coursedesk.service.sync.SyncStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Runs one sync pass of an open account and waits for its end, drawing a determinate
 * progress line (done/total) on standard error: redrawn in place on a terminal, otherwise a
 * line at each tenth so a log stays short. Also turns the final state into words and an
 * exit code.
 */
final class SyncRun {

    private static final Logger LOG = LoggerFactory.getLogger(SyncRun.class);

    private final CliContext context;

    SyncRun(CliContext context) {
        this.context = context;
    }

    /** Joins the running pass, or starts one. */
    SyncStatus run(AccountSession session) {
        Progress progress = new Progress();
        session.sync().addListener(progress);
        try {
            CompletableFuture<SyncStatus> pass = session.sync().syncNow();
            return pass.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.ERROR, context.messages().get("cli.sync.interrupted"));
        } catch (ExecutionException e) {
            // The exception's English stays in the log; the learner is told what to do.
            LOG.warn("Sync failed unexpectedly: {}", String.valueOf(e.getCause()));
            throw new CliException(ExitCode.ERROR, context.messages().get("cli.sync.failedUnexpectedly"));
        } finally {
            session.sync().removeListener(progress);
            progress.finish();
        }
    }

    /** The final state in the learner's words. */
    String describe(SyncStatus status, AccountSession session) {
        CliMessages messages = context.messages();
        String asOf = status.lastSyncedAt() == null ? null : context.format().dateTime(status.lastSyncedAt());
        if (status instanceof SyncStatus.Idle) {
            return asOf == null ? messages.get("cli.sync.upToDateNow") : messages.get("cli.sync.upToDate", asOf);
        }
        if (status instanceof SyncStatus.Offline) {
            return asOf == null ? messages.get("cli.sync.offlineNoData") : messages.get("cli.sync.offline", asOf);
        }
        if (status instanceof SyncStatus.SignedOut) {
            return messages.get("cli.sync.signedOut", session.account().server().value(), session.account().email());
        }
        if (status instanceof SyncStatus.Failed failed) {
            String reason = switch (failed.reason()) {
                case SERVER_ERROR -> messages.get("cli.sync.reason.serverError");
                case BAD_RESPONSE -> messages.get("cli.sync.reason.badResponse");
                case STORE_ERROR -> messages.get("cli.sync.reason.storeError");
                case REFUSED -> messages.get("cli.sync.reason.refused");
                // A whole sentence: the TLS handshake's English detail stays in the log.
                case UNTRUSTED_CERTIFICATE -> null;
            };
            // The server's or the exception's detail is English (and technical): it goes to the log only.
            LOG.warn("Sync failed ({}): {}", failed.reason(), failed.detail());
            return reason == null ? messages.get("cli.sync.untrustedCertificate")
                    : messages.get("cli.sync.failed", reason);
        }
        throw new IllegalStateException("A pass ended while still syncing: " + status);
    }

    static int exitCode(SyncStatus status) {
        if (status instanceof SyncStatus.Idle) {
            return ExitCode.OK;
        }
        if (status instanceof SyncStatus.Offline) {
            return ExitCode.OFFLINE;
        }
        if (status instanceof SyncStatus.Failed failed && failed.reason() == SyncStatus.Reason.UNTRUSTED_CERTIFICATE) {
            // No usable connection, as at sign-in: actions stay pending.
            return ExitCode.OFFLINE;
        }
        if (status instanceof SyncStatus.SignedOut) {
            return ExitCode.SIGNED_OUT;
        }
        return ExitCode.REFUSED;
    }

    private final class Progress implements Consumer<SyncStatus> {

        private long lastTenth = -1;
        private boolean drawn;
        /** The retry the last "provider is busy" line announced: one line per wait, not per second. */
        private Instant toldRetryAt;

        @Override
        public synchronized void accept(SyncStatus status) {
            if (status instanceof SyncStatus.Syncing waiting && waiting.retryAt() != null) {
                if (!waiting.retryAt().equals(toldRetryAt)) {
                    toldRetryAt = waiting.retryAt();
                    tellWait(waiting.retryAt());
                }
                return;
            }
            if (!(status instanceof SyncStatus.Syncing syncing) || syncing.total() <= 0) {
                return;
            }
            String line = context.messages().get("cli.sync.progress", syncing.done(), syncing.total());
            if (context.interactive()) {
                context.err().print("\r" + line + "   ");
                context.err().flush();
                drawn = true;
                return;
            }
            long tenth = Math.min(10, syncing.done() * 10 / syncing.total());
            if (tenth != lastTenth) {
                lastTenth = tenth;
                context.err().println(line);
            }
        }

        /**
         * "The provider is busy: CourseDesk tries again at 14:32 (in about a minute)." on a line of
         * its own (a progress line being redrawn is ended first, and drawn again below it).
         */
        private void tellWait(Instant retryAt) {
            CliMessages messages = context.messages();
            String line = messages.get("cli.sync.providerBusy", context.format().time(retryAt),
                    retryIn(retryAt, Instant.now()));
            if (drawn) {
                context.err().println();
                drawn = false;
            }
            context.err().println(line);
            context.err().flush();
        }

        /** As the window's status bar says it. */
        private String retryIn(Instant at, Instant now) {
            RetryDelay delay = RetryDelay.between(now, at);
            return context.messages().get(delay.key(), delay.amount());
        }

        synchronized void finish() {
            if (drawn) {
                context.err().println();
            }
        }
    }
}
