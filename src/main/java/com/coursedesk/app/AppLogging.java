package com.coursedesk.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;

import java.nio.file.Path;
import java.util.Map;

/**
 * The window's logging: a rotating file {@code coursedesk.log} under the user's log folder
 * (5 MB a file, gzipped by day and size, 14 days and 50 MB at most) plus the app's warnings on
 * standard error (JavaFX's go to the file only). Tokens and passwords are never logged.
 *
 * <p>Set up in code rather than from an XML file: reading a Logback XML file costs about
 * 100 ms of every window start (an XML parser and Joran's model), a tenth of the whole
 * start-up. Logback finds this class as a service ({@code META-INF/services}) when logging
 * is first used; it applies only when the launcher has named the log folder in
 * {@value #LOG_DIR_PROPERTY} (the window), and leaves the command line, the sandbox and the
 * tests to {@code logback.xml}, as it does an explicit {@code -Dlogback.configurationFile}.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class AppLogging extends ContextAwareBase implements Configurator {

    /** The system property naming the window's log folder; set by {@link DesktopLauncher}. */
    public static final String LOG_DIR_PROPERTY = "coursedesk.logDir";
    static final String FILE_APPENDER = "FILE";
    static final String CONSOLE_APPENDER = "STDERR";
    static final String LOG_FILE = "coursedesk.log";
    static final String FILE_PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";
    static final String CONSOLE_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n";
    static final String JAVAFX_LOGGER = "javafx";
    /** Chatty libraries: only their warnings. */
    private static final Map<String, Level> QUIET = Map.of("com.sun.net.httpserver", Level.WARN,
            "jdk.internal.httpclient", Level.WARN, "org.flywaydb", Level.WARN, JAVAFX_LOGGER, Level.WARN);

    /** For Logback's service loader. */
    public AppLogging() {
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        String logDir = System.getProperty(LOG_DIR_PROPERTY);
        if (logDir == null || logDir.isBlank() || System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context, Path.of(logDir));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Whether {@code context} logs as {@link #apply} set it up (to the window's file). */
    static boolean isApplied(LoggerContext context) {
        return context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(FILE_APPENDER) instanceof RollingFileAppender;
    }

    /** Sets up {@code context} (freshly reset) to log to {@code logDir/coursedesk.log} and standard error. */
    static void apply(LoggerContext context, Path logDir) {
        // Forward slashes: Logback's file name patterns read a backslash as an escape.
        String dir = logDir.toAbsolutePath().toString().replace('\\', '/');

        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName(FILE_APPENDER);
        file.setFile(dir + "/" + LOG_FILE);
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(dir + "/coursedesk.%d{yyyy-MM-dd}.%i.log.gz");
        rolling.setMaxFileSize(FileSize.valueOf("5MB"));
        rolling.setMaxHistory(14);
        rolling.setTotalSizeCap(FileSize.valueOf("50MB"));
        rolling.start();
        file.setRollingPolicy(rolling);
        file.setEncoder(encoder(context, FILE_PATTERN));
        file.start();

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(CONSOLE_APPENDER);
        console.setTarget("System.err");
        ThresholdFilter warnings = new ThresholdFilter();
        warnings.setLevel(Level.WARN.levelStr);
        warnings.start();
        console.addFilter(warnings);
        console.setEncoder(encoder(context, CONSOLE_PATTERN));
        console.start();

        QUIET.forEach((name, level) -> context.getLogger(name).setLevel(level));
        // JavaFX's own warnings go to the file only: run from the class path (as the jar and the
        // app image run it), it warns at every start that this configuration is unsupported,
        // which tells a learner at a terminal nothing they can act on.
        Logger javafx = context.getLogger(JAVAFX_LOGGER);
        javafx.setAdditive(false);
        javafx.addAppender(file);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file);
        root.addAppender(console);
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }
}
