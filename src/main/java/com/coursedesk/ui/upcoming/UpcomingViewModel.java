package com.coursedesk.ui.upcoming;

import com.coursedesk.service.upcoming.UpcomingEvent;
import com.coursedesk.service.upcoming.UpcomingEvents;
import com.coursedesk.service.upcoming.UpcomingService;
import com.coursedesk.ui.common.Formats;
import com.coursedesk.ui.common.Messages;
import com.coursedesk.ui.common.TaskRunner;
import com.coursedesk.ui.shell.UserSettings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Upcoming page: every coming money event in date order, and at the top the reminders of
 * those within the learner's lead time, each shown until the learner says "Got it". The lead
 * time and the dismissed reminders are kept in the preferences, saved off the UI thread.
 */
public final class UpcomingViewModel {

    /** Preference key: ids of the events whose reminder the learner dismissed, comma-separated. */
    static final String DISMISSED_KEY = "upcoming.dismissed";
    public static final int MAX_LEAD_DAYS = 60;

    private static final Logger LOG = LoggerFactory.getLogger(UpcomingViewModel.class);

    private final UpcomingService service;
    private final UserSettings settings;
    private final Messages messages;
    private final Formats formats;
    private final TaskRunner tasks;
    private final Clock clock;

    private final ObservableList<UpcomingItem> events = FXCollections.observableArrayList();
    private final ObservableList<UpcomingItem> reminders = FXCollections.observableArrayList();
    // Read-only views, kept: each listens to its list weakly, so a throwaway one would lose its listeners.
    private final ObservableList<UpcomingItem> readOnlyEvents = FXCollections.unmodifiableObservableList(events);
    private final ObservableList<UpcomingItem> readOnlyReminders = FXCollections.unmodifiableObservableList(reminders);
    private final IntegerProperty leadDays = new SimpleIntegerProperty(UserSettings.DEFAULT_REMINDER_DAYS);
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty empty = new SimpleBooleanProperty();
    private final StringProperty remindersTitle = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty();
    private List<UpcomingEvent> lastEvents = List.of();
    private Set<String> dismissed = new LinkedHashSet<>();
    private Instant shownAt;
    private int generation;

    public UpcomingViewModel(UpcomingService service, UserSettings settings, Messages messages, Formats formats,
                             TaskRunner tasks, Clock clock) {
        this.service = Objects.requireNonNull(service, "service");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.formats = Objects.requireNonNull(formats, "formats");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Every coming event, earliest first. */
    public ObservableList<UpcomingItem> events() {
        return readOnlyEvents;
    }

    /** The reminders to show now: within the lead time and not dismissed. */
    public ObservableList<UpcomingItem> reminders() {
        return readOnlyReminders;
    }

    /** How many days before an event its reminder shows. */
    public ReadOnlyIntegerProperty leadDaysProperty() {
        return leadDays;
    }

    /** The heading of the reminders ("Coming up within 3 days"). */
    public ReadOnlyStringProperty remindersTitleProperty() {
        return remindersTitle;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    /** True once read and nothing is coming. */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty;
    }

    /** Why the page could not be read or a setting not saved; null when all is well. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    private record Loaded(List<UpcomingEvent> events, int leadDays, Set<String> dismissed) {
    }

    /** Reads the events and the learner's reminder settings again. */
    public void reload() {
        Instant now = clock.instant();
        int mine = ++generation;
        loading.set(true);
        tasks.task(() -> new Loaded(service.events(now, formats.zone()), settings.reminderDays(), readDismissed()))
                .name("load-upcoming")
                .onSuccess(loaded -> {
                    if (mine == generation) {
                        lastEvents = loaded.events();
                        dismissed = new LinkedHashSet<>(loaded.dismissed());
                        leadDays.set(loaded.leadDays());
                        shownAt = now;
                        error.set(null);
                        events.setAll(lastEvents.stream().map(e -> toItem(e, now)).toList());
                        empty.set(lastEvents.isEmpty());
                        showReminders();
                    }
                })
                .onFailure(e -> {
                    if (mine == generation) {
                        LOG.error("Could not read the coming events", e);
                        error.set(messages.get("upcoming.error.load", describe(e)));
                    }
                })
                .onDone(() -> {
                    if (mine == generation) {
                        loading.set(false);
                    }
                })
                .start();
    }

    private Set<String> readDismissed() {
        String stored = settings.get(DISMISSED_KEY).orElse("");
        return Arrays.stream(stored.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Changes the lead time: the reminders follow at once, the preference is saved in the background. */
    public void setLeadDays(int days) {
        int clamped = Math.max(0, Math.min(MAX_LEAD_DAYS, days));
        if (clamped == leadDays.get()) {
            return;
        }
        leadDays.set(clamped);
        showReminders();
        save("save-reminder-days", () -> settings.setReminderDays(clamped));
    }

    /** "Got it": this event's reminder is not shown again. */
    public void dismiss(String eventId) {
        if (!dismissed.add(eventId)) {
            return;
        }
        showReminders();
        // Only ids of events still to come are kept: the list never grows without end.
        Set<String> current = lastEvents.stream().map(UpcomingEvent::id).collect(Collectors.toSet());
        String value = dismissed.stream().filter(current::contains).collect(Collectors.joining(","));
        save("save-dismissed-reminders", () -> settings.put(DISMISSED_KEY, value.isEmpty() ? null : value));
    }

    private void save(String name, Runnable write) {
        tasks.task(() -> {
            write.run();
            return null;
        }).name(name)
                .onFailure(e -> {
                    LOG.error("Could not save the reminder preferences", e);
                    error.set(messages.get("upcoming.error.save", describe(e)));
                })
                .start();
    }

    private void showReminders() {
        Instant now = shownAt != null ? shownAt : clock.instant();
        int days = leadDays.get();
        remindersTitle.set(messages.get("upcoming.reminders.title", days));
        reminders.setAll(UpcomingEvents.remindersDue(lastEvents, now, formats.zone(), days, dismissed).stream()
                .map(e -> toItem(e, now)).toList());
    }

    private UpcomingItem toItem(UpcomingEvent e, Instant now) {
        String amount = null;
        if (e.amount() != null) {
            String money = formats.money(e.amount());
            amount = switch (e.kind()) {
                case REFUND_WINDOW_CLOSES -> messages.get("upcoming.amount.refundable", money);
                case RESTART_REMINDER -> messages.get("upcoming.amount.restart", money);
                default -> money;
            };
        }
        return new UpcomingItem(e.id(), formats.date(e.at()), formats.relative(e.at(), now), what(e), e.title(),
                amount, style(e));
    }

    private String what(UpcomingEvent e) {
        return switch (e.kind()) {
            case TRIAL_CONVERSION -> messages.get("upcoming.kind.trialConversion");
            case RENEWAL -> messages.get("upcoming.kind.renewal");
            case PAYMENT_RETRY -> messages.get("upcoming.kind.paymentRetry");
            case REFUND_WINDOW_CLOSES -> messages.get("upcoming.kind.refundWindow");
            case ACCESS_ENDS -> messages.get("upcoming.kind.accessEnds");
            case RESTART_REMINDER -> messages.get("upcoming.kind.restartReminder");
        };
    }

    private static String style(UpcomingEvent e) {
        return switch (e.kind()) {
            case PAYMENT_RETRY -> "status-danger";
            case ACCESS_ENDS, REFUND_WINDOW_CLOSES -> "status-warning";
            case RESTART_REMINDER -> "accent";
            case TRIAL_CONVERSION, RENEWAL -> "";
        };
    }

    private static String describe(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
