package com.coursedesk.ui.subscriptions;

import com.coursedesk.domain.CancelReason;
import com.coursedesk.domain.Subscription;
import com.coursedesk.service.actions.ActionNotAllowedException;
import com.coursedesk.service.subscriptions.Phrase;
import com.coursedesk.service.subscriptions.RestartKind;
import com.coursedesk.service.subscriptions.SubscriptionCard;
import com.coursedesk.service.subscriptions.SubscriptionTerms;
import com.coursedesk.service.subscriptions.SubscriptionsService;
import com.coursedesk.service.subscriptions.Tone;
import com.coursedesk.ui.common.Formats;
import com.coursedesk.ui.common.Messages;
import com.coursedesk.ui.common.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * The Manage subscriptions page: one card per subscription in plain words, and the learner's
 * cancel, restart and pause, each said in full before it is confirmed and queued in the outbox.
 * Reads and writes run through the {@link TaskRunner}; properties change on the UI thread only.
 */
public final class SubscriptionsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionsViewModel.class);

    private final SubscriptionsService service;
    private final Messages messages;
    private final Formats formats;
    private final PhraseRenderer phrases;
    private final TaskRunner tasks;
    private final Clock clock;
    private final Runnable onActionQueued;

    private final ObservableList<SubscriptionItem> items = FXCollections.observableArrayList();
    // One read-only view, kept: it listens to the list weakly, so a throwaway one would lose its listeners.
    private final ObservableList<SubscriptionItem> readOnlyItems = FXCollections.unmodifiableObservableList(items);
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty working = new SimpleBooleanProperty();
    private final BooleanProperty empty = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty();
    private final StringProperty messageStyle = new SimpleStringProperty("");
    private Map<String, SubscriptionCard> cards = Map.of();
    // The subscription whose queued action the message speaks of ("saved, sent as soon as you are online"),
    // or null: once its card shows the provider's answer, that message is out of date.
    private String messageAbout;
    private Instant shownAt;
    private int generation;

    /**
     * @param onActionQueued called on the UI thread after an action is queued (the screen tells
     *                       the shell, whose status bar counts pending actions)
     */
    public SubscriptionsViewModel(SubscriptionsService service, Messages messages, Formats formats, TaskRunner tasks,
                                  Clock clock, Runnable onActionQueued) {
        this.service = Objects.requireNonNull(service, "service");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.formats = Objects.requireNonNull(formats, "formats");
        this.phrases = new PhraseRenderer(messages, formats);
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onActionQueued = Objects.requireNonNull(onActionQueued, "onActionQueued");
    }

    public ObservableList<SubscriptionItem> items() {
        return readOnlyItems;
    }

    /** True while the cards are read. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    /** True while an action is being queued: the card buttons wait. */
    public ReadOnlyBooleanProperty workingProperty() {
        return working;
    }

    /** True once read and there is no subscription at all. */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty;
    }

    /** What the last action did, or why it was not done; null when there is nothing to say. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** The style class of {@link #messageProperty()}. */
    public ReadOnlyStringProperty messageStyleProperty() {
        return messageStyle;
    }

    // ----- reading -----

    /** Reads the cards again (after a sync, an action, or when the page opens). */
    public void reload() {
        Instant now = clock.instant();
        int mine = ++generation;
        loading.set(true);
        tasks.task(() -> service.cards(now, formats.zone()))
                .name("load-subscriptions")
                .onSuccess(list -> {
                    if (mine == generation) {
                        show(list, now);
                    }
                })
                .onFailure(error -> {
                    if (mine == generation) {
                        LOG.error("Could not read the subscriptions", error);
                        say(messages.get("subscriptions.error.load", describe(error)), "status-danger");
                    }
                })
                .onDone(() -> {
                    if (mine == generation) {
                        loading.set(false);
                    }
                })
                .start();
    }

    private void show(List<SubscriptionCard> list, Instant now) {
        Map<String, SubscriptionCard> byId = new LinkedHashMap<>();
        List<SubscriptionItem> rows = new ArrayList<>(list.size());
        for (SubscriptionCard card : list) {
            byId.put(card.id(), card);
            rows.add(toItem(card, now));
        }
        cards = byId;
        shownAt = now;
        if (messageAbout != null) {
            SubscriptionCard card = byId.get(messageAbout);
            if (card == null || card.action() == null || card.action().tone() != Tone.PENDING) {
                // Confirmed or refused: the card says so, and "saved, sent when you are online" no longer holds.
                say(null, "");
            }
        }
        items.setAll(rows);
        empty.set(rows.isEmpty());
    }

    private SubscriptionItem toItem(SubscriptionCard card, Instant now) {
        String restartLabel = null;
        if (card.canRestart()) {
            restartLabel = card.restartKind() == RestartKind.KEEP
                    ? messages.get("subscriptions.button.keep")
                    : messages.get("subscriptions.button.restart");
        }
        var status = card.status();
        var action = card.action();
        return new SubscriptionItem(card.id(), card.title(), card.partner(),
                text(card.plan(), now), text(card.channel(), now),
                text(status.primary(), now), style(status.primaryTone()),
                text(status.secondary(), now), style(status.secondaryTone()),
                action == null ? null : text(action.line(), now), action == null ? "" : style(action.tone()),
                action == null ? null : text(action.warning(), now),
                text(card.deadlines(), now), text(card.reminder(), now), card.reminderDue(),
                card.canCancel(), card.canPause(), restartLabel, card.managedElsewhere());
    }

    private String text(Phrase phrase, Instant now) {
        return phrases.render(phrase, now);
    }

    /** The app.css class for a tone. */
    static String style(Tone tone) {
        if (tone == null) {
            return "";
        }
        return switch (tone) {
            case OK -> "status-ok";
            case WARNING -> "status-warning";
            case DANGER -> "status-danger";
            case MUTED -> "muted";
            case PENDING -> "pending";
            case NEUTRAL -> "";
        };
    }

    // ----- what each action says before it is confirmed -----

    /** The cancel dialog's words for subscription {@code id} (one of the shown cards). */
    public CancelPrompt cancelPrompt(String id) {
        Subscription s = subscription(id);
        List<CancelPrompt.ReasonChoice> reasons = new ArrayList<>();
        reasons.add(new CancelPrompt.ReasonChoice(null, messages.get("subscriptions.reason.none")));
        for (CancelReason reason : CancelReason.values()) {
            reasons.add(new CancelPrompt.ReasonChoice(reason, messages.get(reasonKey(reason))));
        }
        return new CancelPrompt(messages.get("subscriptions.cancel.title"), s.product().title(),
                text(SubscriptionTerms.cancel(s), shownAt), messages.get("subscriptions.cancel.reason"),
                List.copyOf(reasons), messages.get("subscriptions.cancel.comment"), MAX_COMMENT,
                messages.get("subscriptions.cancel.confirm"), messages.get("subscriptions.cancel.keep"));
    }

    /** The contract's limit on a cancellation comment. */
    public static final int MAX_COMMENT = 1000;

    static String reasonKey(CancelReason reason) {
        return switch (reason) {
            case TOO_EXPENSIVE -> "subscriptions.reason.tooExpensive";
            case NOT_USING -> "subscriptions.reason.notUsing";
            case FINISHED_LEARNING -> "subscriptions.reason.finishedLearning";
            case TECHNICAL_ISSUES -> "subscriptions.reason.technicalIssues";
            case OTHER -> "subscriptions.reason.other";
        };
    }

    /** The restart dialog's words: undoing a cancellation costs nothing, restarting after the end is charged today. */
    public RestartPrompt restartPrompt(String id) {
        Subscription s = subscription(id);
        Instant now = clock.instant();
        String body = text(SubscriptionTerms.restart(s, now), now);
        if (SubscriptionTerms.restartKind(s, now) == RestartKind.KEEP) {
            return new RestartPrompt(messages.get("subscriptions.restart.keep.title"), s.product().title(), body,
                    messages.get("subscriptions.restart.keep.confirm"), messages.get("subscriptions.restart.dismiss"),
                    false);
        }
        return new RestartPrompt(messages.get("subscriptions.restart.charge.title"), s.product().title(), body,
                text(SubscriptionTerms.restartChargeConfirm(s), now), messages.get("subscriptions.restart.dismiss"),
                true);
    }

    /** The pause dialog's words and its reminder date (the day after access ends; tomorrow at the earliest). */
    public PausePrompt pausePrompt(String id) {
        Subscription s = subscription(id);
        Instant now = clock.instant();
        LocalDate tomorrow = now.atZone(formats.zone()).toLocalDate().plusDays(1);
        LocalDate offered = SubscriptionTerms.defaultReminderDate(s, formats.zone());
        return new PausePrompt(messages.get("subscriptions.pause.title"), s.product().title(),
                text(SubscriptionTerms.pause(s), now), messages.get("subscriptions.pause.date"),
                offered.isBefore(tomorrow) ? tomorrow : offered, tomorrow,
                messages.get("subscriptions.pause.confirm"), messages.get("subscriptions.cancel.keep"));
    }

    private Subscription subscription(String id) {
        SubscriptionCard card = cards.get(id);
        if (card == null) {
            throw new IllegalArgumentException("No subscription " + id + " on this page");
        }
        return card.subscription();
    }

    // ----- actions -----

    /** Queues a cancellation with the learner's optional reason and comment. */
    public void cancel(String id, CancelReason reason, String comment) {
        String title = subscription(id).product().title();
        act(id, "cancel-subscription", () -> service.cancel(id, reason, comment),
                messages.get("subscriptions.done.cancel", title));
    }

    /** Queues a restart (free within the period, charged after the end, as the prompt said). */
    public void restart(String id) {
        String title = subscription(id).product().title();
        act(id, "restart-subscription", () -> service.restart(id), messages.get("subscriptions.done.restart", title));
    }

    /** Queues a cancellation and keeps a reminder to restart on {@code remindOn}. */
    public void pause(String id, LocalDate remindOn) {
        String title = subscription(id).product().title();
        String done = remindOn == null ? null
                : messages.get("subscriptions.done.pause", title, phrases.date(remindOn, clock.instant()));
        act(id, "pause-subscription", () -> service.pause(id, remindOn), done);
    }

    /** Removes the learner's reminder to restart {@code id}. */
    public void forgetReminder(String id) {
        tasks.task(() -> {
            service.forgetReminder(id);
            return null;
        }).name("forget-reminder")
                .onSuccess(ignored -> reload())
                .onFailure(error -> say(messages.get("subscriptions.error.unexpected", describe(error)),
                        "status-danger"))
                .start();
    }

    private void act(String id, String name, Callable<Long> work, String done) {
        working.set(true);
        say(null, "");
        tasks.task(work)
                .name(name)
                .onSuccess(actionId -> {
                    say(done, "");
                    messageAbout = id;
                    onActionQueued.run();
                    reload();
                })
                .onFailure(error -> say(failure(error), "status-danger"))
                .onDone(() -> working.set(false))
                .start();
    }

    private String failure(Throwable error) {
        if (error instanceof ActionNotAllowedException refused) {
            return switch (refused.reason()) {
                case MANAGED_ELSEWHERE -> messages.get("subscriptions.error.managedElsewhere");
                case NOT_CANCELABLE -> messages.get("subscriptions.error.notCancelable");
                case NOT_RESTARTABLE -> messages.get("subscriptions.error.notRestartable");
                case ALREADY_PENDING -> messages.get("subscriptions.error.alreadyPending");
                case NOT_FOUND -> messages.get("subscriptions.error.notFound");
                case INVALID_INPUT, NOT_REFUNDABLE -> messages.get("subscriptions.error.invalid");
            };
        }
        LOG.error("Could not queue the action", error);
        return messages.get("subscriptions.error.unexpected", describe(error));
    }

    private static String describe(Throwable error) {
        return error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
    }

    private void say(String text, String style) {
        messageAbout = null;
        message.set(text);
        messageStyle.set(style);
    }
}
