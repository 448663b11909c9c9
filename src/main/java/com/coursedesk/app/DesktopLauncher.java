package com.coursedesk.app;

import com.coursedesk.platform.AppDirectories;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import javafx.application.Application;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/** Starts the desktop application, with its logs in a rotating file under the user's log folder. */
public final class DesktopLauncher {

    private DesktopLauncher() {
    }

    public static void launch(String[] args) {
        AppDirectories directories = AppDirectories.forCurrentProcess(dataDirOption(args));
        useAppLogging(directories);
        Application.launch(CourseDeskApplication.class, args);
    }

    /**
     * The window logs to a rotating file under the user's log folder; the command line and the
     * sandbox keep logback.xml (the console). Logback may already be running by now, so it is
     * reconfigured rather than pointed at another file by a system property.
     */
    private static void useAppLogging(AppDirectories directories) {
        System.setProperty("coursedesk.logDir", directories.logDir().toString());
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.reset();
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            try {
                configurator.doConfigure(DesktopLauncher.class.getResource("/logback-app.xml"));
            } catch (JoranException e) {
                System.err.println("CourseDesk: logging could not be set up: " + e.getMessage());
            }
        }
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
