package com.coursedesk.service.upcoming;

import com.coursedesk.domain.Money;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.Subscription;
import com.coursedesk.domain.SubscriptionStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every coming money event, from the local copy and the learner's reminders, in date order.
 * Pure, so the Upcoming screen and the calendar export list the same events with the same ids.
 */
public final class UpcomingEvents {

    /** A restart reminder is placed at this time of its day in the learner's zone. */
    public static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

    private static final Comparator<UpcomingEvent> ORDER =
            Comparator.comparing(UpcomingEvent::at).thenComparing(UpcomingEvent::id);

    private UpcomingEvents() {
    }

    /**
     * The events after {@code now}, earliest first (ties by id, so the order is stable).
     *
     * @param reminders the learner's restart reminders by subscription id; one for a subscription
     *                  that runs again, or that is gone, is left out
     * @param zone      the learner's zone, where a reminder's day is
     */
    public static List<UpcomingEvent> from(Collection<Subscription> subscriptions, Collection<Purchase> purchases,
                                           Map<String, LocalDate> reminders, Instant now, ZoneId zone) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
        List<UpcomingEvent> events = new ArrayList<>();
        for (Subscription s : subscriptions) {
            addSubscriptionEvents(events, s, now);
            LocalDate reminder = reminders.get(s.id());
            if (reminder != null && (s.status() == SubscriptionStatus.CANCELED || s.cancelAtPeriodEnd())) {
                Instant at = reminder.atTime(REMINDER_TIME).atZone(zone).toInstant();
                if (at.isAfter(now)) {
                    events.add(event(UpcomingEventKind.RESTART_REMINDER, s.id(), at, s.plan().price(),
                            s.product().title(), s.id(), null));
                }
            }
        }
        for (Purchase p : purchases) {
            // Only what this app can ask a refund for: the stores run their own windows.
            if (p.isRefundable(now) && p.refundableUntil().isAfter(now)) {
                events.add(event(UpcomingEventKind.REFUND_WINDOW_CLOSES, p.id(), p.refundableUntil(), p.total(),
                        p.product().title(), p.subscriptionId(), p.id()));
            }
        }
        events.sort(ORDER);
        return List.copyOf(events);
    }

    private static void addSubscriptionEvents(List<UpcomingEvent> events, Subscription s, Instant now) {
        if (s.status() == SubscriptionStatus.CANCELED) {
            return;
        }
        String title = s.product().title();
        if (s.cancelAtPeriodEnd()) {
            Instant end = s.accessEndsAt();
            if (end.isAfter(now)) {
                events.add(event(UpcomingEventKind.ACCESS_ENDS, s.id(), end, null, title, s.id(), null));
            }
            return;
        }
        Instant due = s.nextPaymentAt();
        if (due == null && s.status() != SubscriptionStatus.PAST_DUE) {
            // The state rules say when it falls even if the server left it out.
            due = s.status() == SubscriptionStatus.TRIALING && s.trialEndsAt() != null
                    ? s.trialEndsAt() : s.currentPeriodEnd();
        }
        if (due == null || !due.isAfter(now)) {
            return;
        }
        UpcomingEventKind kind = switch (s.status()) {
            case TRIALING -> UpcomingEventKind.TRIAL_CONVERSION;
            case PAST_DUE -> UpcomingEventKind.PAYMENT_RETRY;
            default -> UpcomingEventKind.RENEWAL;
        };
        events.add(event(kind, s.id(), due, s.nextPaymentAmount() != null ? s.nextPaymentAmount() : s.plan().price(),
                title, s.id(), null));
    }

    private static UpcomingEvent event(UpcomingEventKind kind, String recordId, Instant at,
                                       Money amount, String title, String subscriptionId,
                                       String purchaseId) {
        return new UpcomingEvent(UpcomingEvent.idOf(kind, recordId, at), kind, at, amount, title, subscriptionId,
                purchaseId);
    }

    /**
     * The events whose reminder shows now: at most {@code leadDays} calendar days ahead in the
     * learner's zone (0: today's only), and not dismissed before.
     */
    public static List<UpcomingEvent> remindersDue(List<UpcomingEvent> events, Instant now, ZoneId zone,
                                                   int leadDays, Set<String> dismissed) {
        LocalDate today = now.atZone(zone).toLocalDate();
        return events.stream()
                .filter(e -> e.at().isAfter(now))
                .filter(e -> ChronoUnit.DAYS.between(today, e.at().atZone(zone).toLocalDate()) <= leadDays)
                .filter(e -> !dismissed.contains(e.id()))
                .sorted(ORDER)
                .toList();
    }
}
