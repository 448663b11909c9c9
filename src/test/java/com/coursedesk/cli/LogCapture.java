package com.coursedesk.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Records every log event at every level while open, to check what the log would hold. */
final class LogCapture implements AutoCloseable {

    private final Logger root;
    private final Level previousLevel;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final List<Appender<ILoggingEvent>> others = new ArrayList<>();

    LogCapture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        previousLevel = root.getLevel();
        appender.setContext(context);
        appender.start();
        // The console appenders step aside meanwhile, or every debug line would be printed.
        root.iteratorForAppenders().forEachRemaining(others::add);
        others.forEach(root::detachAppender);
        root.addAppender(appender);
        root.setLevel(Level.ALL);
    }

    /** Every message, formatted, with its stack trace. */
    String text() {
        List<ILoggingEvent> events = List.copyOf(appender.list);
        return events.stream().map(e -> {
            IThrowableProxy thrown = e.getThrowableProxy();
            return e.getLoggerName() + " " + e.getFormattedMessage()
                    + (thrown == null ? "" : "\n" + ThrowableProxyUtil.asString(thrown));
        }).collect(Collectors.joining("\n"));
    }

    int size() {
        return appender.list.size();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        others.forEach(root::addAppender);
        root.setLevel(previousLevel);
        appender.stop();
    }
}
