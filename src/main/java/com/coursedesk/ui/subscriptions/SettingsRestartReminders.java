package com.coursedesk.ui.subscriptions;

import com.coursedesk.service.subscriptions.RestartReminders;
import com.coursedesk.ui.shell.UserSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * Restart reminders kept in the learner's preferences as
 * {@code reminder.restart.<subscriptionId>=<ISO date>}. Setting one saves the file: not on the
 * UI thread.
 */
public final class SettingsRestartReminders implements RestartReminders {

    static final String PREFIX = "reminder.restart.";
    private static final Logger LOG = LoggerFactory.getLogger(SettingsRestartReminders.class);

    private final UserSettings settings;

    public SettingsRestartReminders(UserSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public Optional<LocalDate> get(String subscriptionId) {
        return settings.get(PREFIX + subscriptionId).flatMap(value -> {
            try {
                return Optional.of(LocalDate.parse(value));
            } catch (DateTimeParseException e) {
                LOG.warn("Ignoring an unreadable restart reminder for {}: {}", subscriptionId, value);
                return Optional.empty();
            }
        });
    }

    @Override
    public void set(String subscriptionId, LocalDate date) {
        settings.put(PREFIX + subscriptionId, date == null ? null : date.toString());
    }
}
