package com.coursedesk.service.subscriptions;

import com.coursedesk.data.db.ActionKind;
import com.coursedesk.data.db.ActionRecord;
import com.coursedesk.domain.Subscription;
import com.coursedesk.domain.SubscriptionStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/** Builds a subscription's card from the local copy, its newest action and its reminder. Pure. */
public final class SubscriptionCards {

    static final String PLAN_MONTHLY = "subscriptions.plan.monthly";
    static final String PLAN_YEARLY = "subscriptions.plan.yearly";
    static final String CHANNEL_WEB = "subscriptions.channel.web";
    static final String CHANNEL_APP_STORE = "subscriptions.channel.appStore";
    static final String CHANNEL_GOOGLE_PLAY = "subscriptions.channel.googlePlay";
    static final String DEADLINES_RESET = "subscriptions.deadlinesReset";
    static final String REMINDER_SET = "subscriptions.reminder.set";
    static final String REMINDER_DUE = "subscriptions.reminder.due";

    private SubscriptionCards() {
    }

    /**
     * @param latest    the newest action on it, or null
     * @param reminder  the learner's restart reminder, or null
     * @param zone      the learner's zone, which decides when a reminder's day has come
     */
    public static SubscriptionCard describe(Subscription s, ActionRecord latest, LocalDate reminder, Instant now,
                                            ZoneId zone) {
        Objects.requireNonNull(s, "s");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
        boolean pending = latest != null && latest.state().isOpen();
        // One action at a time: the outbox refuses a second while the first is unanswered.
        boolean canCancel = !pending && s.isCancelable();
        boolean canRestart = !pending && s.isRestartable();
        ActionStatusLine action = ActionStatusLine.of(s, latest, now).orElse(null);
        Phrase deadlines = s.deadlinesResetAt() == null ? null : Phrase.of(DEADLINES_RESET, s.deadlinesResetAt());

        Phrase reminderLine = null;
        boolean due = false;
        boolean stopping = s.status() == SubscriptionStatus.CANCELED || s.cancelAtPeriodEnd()
                || pending && latest.kind() == ActionKind.CANCEL;
        // A reminder for a subscription running again (restarted elsewhere) has done its job.
        if (reminder != null && stopping) {
            due = !reminder.isAfter(now.atZone(zone).toLocalDate());
            reminderLine = Phrase.of(due ? REMINDER_DUE : REMINDER_SET, reminder);
        }
        return new SubscriptionCard(s, plan(s), channel(s), SubscriptionStatusLine.of(s, now), action, deadlines,
                reminderLine, due, canCancel, canCancel, canRestart,
                canRestart ? SubscriptionTerms.restartKind(s, now) : null);
    }

    static Phrase plan(Subscription s) {
        return Phrase.of(switch (s.plan().interval()) {
            case MONTH -> PLAN_MONTHLY;
            case YEAR -> PLAN_YEARLY;
        }, s.plan().price());
    }

    static Phrase channel(Subscription s) {
        return Phrase.of(switch (s.channel()) {
            case WEB -> CHANNEL_WEB;
            case APP_STORE -> CHANNEL_APP_STORE;
            case GOOGLE_PLAY -> CHANNEL_GOOGLE_PLAY;
        });
    }
}
