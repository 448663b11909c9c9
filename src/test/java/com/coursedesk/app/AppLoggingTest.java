package com.coursedesk.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The window's logging, set up in code: the same file, rotation and levels as its XML was. */
class AppLoggingTest {

    @TempDir
    Path logDir;

    private final LoggerContext context = new LoggerContext();

    @BeforeEach
    void setUp() {
        // What SLF4J gives the context it starts; a context made by hand needs it set.
        context.setMDCAdapter(new LogbackMDCAdapter());
    }

    @AfterEach
    void tearDown() {
        System.clearProperty(AppLogging.LOG_DIR_PROPERTY);
        context.stop();
    }

    @Test
    void logbackFindsItAsAService() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
                .contains(AppLogging.class);
    }

    @Test
    void withoutTheWindowsLogFolderItLeavesLoggingToLogbackXml() {
        assertThat(configure()).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
    }

    @Test
    void theWindowLogsInfoAndAboveToARotatingFileAndKeepsLibrariesQuiet() throws IOException {
        System.setProperty(AppLogging.LOG_DIR_PROPERTY, logDir.toString());
        assertThat(configure()).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        assertThat(AppLogging.isApplied(context)).isTrue();

        context.getLogger("com.coursedesk.Example").info("opened the store");
        context.getLogger("com.coursedesk.Example").debug("a detail");
        context.getLogger("org.flywaydb.core.Flyway").info("migrating");
        context.getLogger("org.flywaydb.core.Flyway").warn("schema warning");

        String log = Files.readString(logDir.resolve("coursedesk.log"), StandardCharsets.UTF_8);
        assertThat(log).matches("(?s)\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[[^]]+] "
                        + "com\\.coursedesk\\.Example - opened the store\\R.*")
                .contains("WARN  [", "schema warning").doesNotContain("a detail", "migrating");

        var file = (RollingFileAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME)
                .getAppender(AppLogging.FILE_APPENDER);
        var rolling = (SizeAndTimeBasedRollingPolicy<ILoggingEvent>) file.getRollingPolicy();
        assertThat(file.getTriggeringPolicy()).isSameAs(rolling);
        assertThat(rolling.getFileNamePattern()).endsWith("/coursedesk.%d{yyyy-MM-dd}.%i.log.gz");
        assertThat(rolling.getMaxHistory()).isEqualTo(14);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(AppLogging.CONSOLE_APPENDER)).isNotNull();
    }

    @Test
    void javafxWarningsGoToTheFileButNotToTheTerminal() throws IOException {
        System.setProperty(AppLogging.LOG_DIR_PROPERTY, logDir.toString());
        PrintStream terminal = System.err;
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        System.setErr(new PrintStream(shown, true, StandardCharsets.UTF_8));
        try {
            configure();
            context.getLogger("javafx").warn("Unsupported JavaFX configuration");
            context.getLogger("javafx.css").warn("Could not resolve '-color-fg-muted'");
            context.getLogger("com.coursedesk.Example").warn("the store is read-only");
        } finally {
            System.setErr(terminal);
        }

        assertThat(shown.toString(StandardCharsets.UTF_8)).contains("the store is read-only")
                .doesNotContain("Unsupported JavaFX configuration", "-color-fg-muted");
        assertThat(Files.readString(logDir.resolve("coursedesk.log"), StandardCharsets.UTF_8))
                .contains("Unsupported JavaFX configuration", "-color-fg-muted", "the store is read-only");
    }

    private Configurator.ExecutionStatus configure() {
        AppLogging configurator = new AppLogging();
        configurator.setContext(context);
        return configurator.configure(context);
    }
}
