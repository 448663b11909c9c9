package com.coursedesk.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The app's preferences that the calendar export needs, read only (the app may be running
 * and owns the file): how many days before an event its reminder goes off, and the restart
 * reminders the learner set when pausing. The keys are those the app writes
 * ({@code UserSettings}, {@code SettingsRestartReminders}); an unreadable file or value gives
 * the app's defaults.
 */
final class AppPreferences {

    static final String FILE = "preferences.properties";
    static final int DEFAULT_REMINDER_DAYS = 3;
    static final int MAX_REMINDER_DAYS = 60;
    private static final String REMINDER_DAYS = "reminder.days";
    private static final String RESTART_PREFIX = "reminder.restart.";
    private static final Logger LOG = LoggerFactory.getLogger(AppPreferences.class);

    private final Properties values;

    private AppPreferences(Properties values) {
        this.values = values;
    }

    static AppPreferences read(Path settingsDir) {
        Properties values = new Properties();
        Path file = settingsDir.resolve(FILE);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Preferences {} unreadable ({}); using defaults", file, e.getMessage());
            }
        }
        return new AppPreferences(values);
    }

    int reminderDays() {
        try {
            int days = Integer.parseInt(values.getProperty(REMINDER_DAYS, "" + DEFAULT_REMINDER_DAYS).trim());
            return days >= 0 && days <= MAX_REMINDER_DAYS ? days : DEFAULT_REMINDER_DAYS;
        } catch (NumberFormatException e) {
            return DEFAULT_REMINDER_DAYS;
        }
    }

    /** The restart reminders by subscription id. */
    Map<String, LocalDate> restartReminders() {
        Map<String, LocalDate> reminders = new HashMap<>();
        for (String key : values.stringPropertyNames()) {
            if (key.startsWith(RESTART_PREFIX)) {
                try {
                    reminders.put(key.substring(RESTART_PREFIX.length()), LocalDate.parse(values.getProperty(key)));
                } catch (DateTimeParseException e) {
                    LOG.warn("Ignoring an unreadable restart reminder {}", key);
                }
            }
        }
        return reminders;
    }
}
