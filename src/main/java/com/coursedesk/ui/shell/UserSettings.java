package com.coursedesk.ui.shell;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The learner's preferences that are not window placement: language and how many days before
 * a money event its reminder shows. Kept in {@code settings/preferences.properties}, written
 * atomically; unreadable values fall back to defaults.
 */
public final class UserSettings {

    public static final int DEFAULT_REMINDER_DAYS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(UserSettings.class);

    private final Path file;
    private final Properties values = new Properties();

    public UserSettings(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Preferences {} unreadable ({}); using defaults", file, e.getMessage());
            }
        }
    }

    public synchronized int reminderDays() {
        try {
            int days = Integer.parseInt(values.getProperty("reminder.days", "" + DEFAULT_REMINDER_DAYS));
            return days >= 0 && days <= 60 ? days : DEFAULT_REMINDER_DAYS;
        } catch (NumberFormatException e) {
            return DEFAULT_REMINDER_DAYS;
        }
    }

    public synchronized void setReminderDays(int days) {
        values.setProperty("reminder.days", Integer.toString(Math.max(0, Math.min(60, days))));
        save();
    }

    /** The chosen language, or empty to follow the system. */
    public synchronized Optional<Locale> language() {
        String tag = values.getProperty("language", "");
        return tag.isBlank() ? Optional.empty() : Optional.of(Locale.forLanguageTag(tag));
    }

    public synchronized void setLanguage(Locale locale) {
        if (locale == null) {
            values.remove("language");
        } else {
            values.setProperty("language", locale.toLanguageTag());
        }
        save();
    }

    /** Free-form keys for features (e.g. reminders already shown), kept in the same file. */
    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    public synchronized void put(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.setProperty(key, value);
        }
        save();
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "preferences", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                values.store(out, "CourseDesk preferences");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warn("Could not save preferences to {}", file, e);
        }
    }
}
