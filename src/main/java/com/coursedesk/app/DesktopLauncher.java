package com.coursedesk.app;

import com.coursedesk.data.db.LocalStore;
import com.coursedesk.platform.AppDirectories;
import ch.qos.logback.classic.LoggerContext;
import javafx.application.Application;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/** Starts the desktop application, with its logs in a rotating file under the user's log folder. */
public final class DesktopLauncher {

    private static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";

    private DesktopLauncher() {
    }

    public static void launch(String[] args) {
        AppDirectories directories = AppDirectories.forCurrentProcess(dataDirOption(args));
        System.setProperty(AppLogging.LOG_DIR_PROPERTY, directories.logDir().toString());
        // SLF4J says on standard error, at every start, that it replayed what other threads
        // logged while Logback was set up on the warm-up thread: nothing is lost, and nothing
        // there is for a learner to read. Its errors still show.
        if (System.getProperty(SLF4J_VERBOSITY) == null) {
            System.setProperty(SLF4J_VERBOSITY, "ERROR");
        }
        Thread warmUp = new Thread(() -> warmUp(directories), "coursedesk-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        LaunchServices.handOver(LaunchServices.begin(directories, BenchmarkProbe.openAccountEmail()));
        Application.launch(CourseDeskApplication.class, args);
    }

    /**
     * What opening an account needs, done while the JavaFX toolkit starts instead of on the
     * way to the first page. In the order needed:
     * <ol>
     *   <li>logging ({@link AppLogging}: a rotating file under the user's log folder; the command
     *       line and the sandbox keep logback.xml), 60–80 ms of CPU. It comes first so that
     *       JavaFX's start-up warning does not set Logback up on the launcher thread, before the
     *       toolkit starts. SLF4J keeps what other threads log meanwhile and hands it on once
     *       Logback is ready;</li>
     *   <li>the SQLite driver and its native library;</li>
     *   <li>the JavaFX classes of the theme, the window and the first signed-in page
     *       ({@link ClassPreloader}).</li>
     * </ol>
     * Each step only makes the same later call cheaper; a failure here changes nothing else.
     * Not here: the TLS context (250 ms of CPU while both cores build the first page); the API
     * client is built on its first request, and the sign-in screen prepares it
     * ({@link Navigator#showSignIn}).
     */
    private static void warmUp(AppDirectories directories) {
        // The first use: Logback finds AppLogging as a service and configures itself with it.
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context && !AppLogging.isApplied(context)) {
            // Logback was already running (set up before the folder was known): reconfigured.
            context.reset();
            AppLogging.apply(context, directories.logDir());
        }
        LocalStore.warmUp();
        ClassPreloader.preloadFirstPage();
    }

    /** The value of {@code --data-dir DIR} or {@code --data-dir=DIR}, or null. */
    static Path dataDirOption(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data-dir") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--data-dir=")) {
                return Path.of(args[i].substring("--data-dir=".length()));
            }
        }
        return null;
    }
}
