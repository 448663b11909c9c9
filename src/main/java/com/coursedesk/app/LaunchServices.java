package com.coursedesk.app;

import com.coursedesk.domain.KnownAccount;
import com.coursedesk.platform.AppDirectories;
import com.coursedesk.platform.InstanceLock;
import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.ui.common.SystemThemeDetector;
import com.coursedesk.ui.shell.UserSettings;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the window needs before its first frame, begun by the launcher on a thread of its own
 * while the JavaFX toolkit starts: the single-instance lock, the core services, the user's
 * preferences and, when the window reopens an account ({@link AccountAtLaunch}), that account
 * opened from its local copy. Opening it (the store and its checks, the sync engine: 200-300 ms
 * at a cold start) then overlaps the toolkit's own start instead of following it.
 *
 * <p>JavaFX makes the {@code Application} itself, so the launcher hands this over through a
 * static field ({@link #handOver}, {@link #take}); without a launcher, {@code init()} begins it.
 */
final class LaunchServices {

    private static final AtomicReference<LaunchServices> HANDED_OVER = new AtomicReference<>();

    /** Ready once the lock is settled; core and settings are null unless it was acquired. */
    record Prepared(InstanceLock.Result lock, CoreServices core, UserSettings settings, Optional<Opening> opening) {

        boolean locked() {
            return lock instanceof InstanceLock.Acquired;
        }
    }

    /** The account being opened at launch, and its session once open. */
    record Opening(KnownAccount account, CompletableFuture<AccountSession> session) {
    }

    private final CompletableFuture<Prepared> prepared = new CompletableFuture<>();
    private final CompletableFuture<SystemThemeDetector.Appearance> systemAppearance = new CompletableFuture<>();

    private LaunchServices() {
    }

    /** Starts preparing on a thread of its own. */
    static LaunchServices begin(AppDirectories directories, Optional<String> benchmarkEmail) {
        LaunchServices launch = new LaunchServices();
        Thread thread = new Thread(() -> launch.prepare(directories, benchmarkEmail), "coursedesk-launch");
        thread.setDaemon(true);
        thread.start();
        // Asking runs a process and waits for it (30-40 ms), beside the rest.
        Thread appearance = new Thread(() -> launch.systemAppearance.complete(askSystemAppearance()),
                "coursedesk-appearance");
        appearance.setDaemon(true);
        appearance.start();
        return launch;
    }

    /** The launcher's, for the application to {@link #take}. */
    static void handOver(LaunchServices launch) {
        HANDED_OVER.set(launch);
    }

    /** What the launcher began, once. */
    static Optional<LaunchServices> take() {
        return Optional.ofNullable(HANDED_OVER.getAndSet(null));
    }

    CompletableFuture<Prepared> prepared() {
        return prepared;
    }

    private static SystemThemeDetector.Appearance askSystemAppearance() {
        try {
            return SystemThemeDetector.forThisComputer().detect();
        } catch (RuntimeException e) {
            // Not knowing is allowed: the light theme, and the shell asks again on focus.
            return SystemThemeDetector.Appearance.UNKNOWN;
        }
    }

    /** The system's light or dark appearance, asked for at once (the first frame's colours). */
    CompletableFuture<SystemThemeDetector.Appearance> systemAppearance() {
        return systemAppearance;
    }

    private void prepare(AppDirectories directories, Optional<String> benchmarkEmail) {
        try {
            InstanceLock.Result lock = InstanceLock.tryAcquire(directories.lockFile());
            if (!(lock instanceof InstanceLock.Acquired)) {
                prepared.complete(new Prepared(lock, null, null, Optional.empty()));
                return;
            }
            CoreServices core = CoreServices.forUser(directories);
            UserSettings settings = new UserSettings(directories.settingsDir().resolve("preferences.properties"));
            Optional<Opening> opening = AccountAtLaunch.choose(core.signIn().knownAccounts(), settings, benchmarkEmail)
                    .map(account -> new Opening(account, new CompletableFuture<>()));
            prepared.complete(new Prepared(lock, core, settings, opening));
            opening.ifPresent(o -> open(core, o));
        } catch (RuntimeException | Error e) {
            prepared.completeExceptionally(e);
        }
    }

    private static void open(CoreServices core, Opening opening) {
        try {
            // Signing out forgets the account to reopen: this one was signed in when last open.
            opening.session().complete(core.signIn().reopen(opening.account()));
        } catch (RuntimeException | Error e) {
            opening.session().completeExceptionally(e);
        }
    }
}
