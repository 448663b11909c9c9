package com.coursedesk.service.subscriptions;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The learner's own reminders to restart a paused subscription: a date per subscription, kept
 * on this computer only (the provider knows nothing of them). Writing may touch the disk, so it
 * is never called on the UI thread.
 */
public interface RestartReminders {

    Optional<LocalDate> get(String subscriptionId);

    /** Sets the reminder, or removes it when {@code date} is null. */
    void set(String subscriptionId, LocalDate date);
}
