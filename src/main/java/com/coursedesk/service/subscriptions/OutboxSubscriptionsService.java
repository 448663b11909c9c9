package com.coursedesk.service.subscriptions;

import com.coursedesk.data.db.ActionRecord;
import com.coursedesk.data.db.LocalStore;
import com.coursedesk.data.db.RecordType;
import com.coursedesk.data.db.StoredSubscription;
import com.coursedesk.data.db.SubscriptionDao;
import com.coursedesk.domain.CancelReason;
import com.coursedesk.domain.Subscription;
import com.coursedesk.domain.SubscriptionStatus;
import com.coursedesk.service.actions.ActionNotAllowedException;
import com.coursedesk.service.actions.ActionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * {@link SubscriptionsService} over one account's local copy and outbox. Blocking (disk): call it
 * off the UI thread.
 */
public final class OutboxSubscriptionsService implements SubscriptionsService {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSubscriptionsService.class);

    private final LocalStore store;
    private final ActionService actions;
    private final RestartReminders reminders;
    private final SubscriptionDao subscriptions = new SubscriptionDao();

    public OutboxSubscriptionsService(LocalStore store, ActionService actions, RestartReminders reminders) {
        this.store = Objects.requireNonNull(store, "store");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.reminders = Objects.requireNonNull(reminders, "reminders");
    }

    @Override
    public List<SubscriptionCard> cards(Instant now, ZoneId zone) {
        List<StoredSubscription> stored = store.read(subscriptions::findAll);
        List<SubscriptionCard> cards = new ArrayList<>(stored.size());
        for (StoredSubscription row : stored) {
            Subscription s = row.subscription();
            ActionRecord latest = actions.latestFor(RecordType.SUBSCRIPTION, s.id()).orElse(null);
            cards.add(SubscriptionCards.describe(s, latest, reminders.get(s.id()).orElse(null), now, zone));
        }
        cards.sort(Comparator.comparing((SubscriptionCard c) -> c.subscription().status() == SubscriptionStatus.CANCELED));
        return cards;
    }

    @Override
    public long cancel(String subscriptionId, CancelReason reason, String comment) {
        return actions.cancel(subscriptionId, reason, comment);
    }

    @Override
    public long restart(String subscriptionId) {
        long id = actions.restart(subscriptionId);
        // The reminder has done its job; only once the restart is queued (a refusal here keeps it).
        reminders.set(subscriptionId, null);
        return id;
    }

    @Override
    public long pause(String subscriptionId, LocalDate remindOn) {
        if (remindOn == null) {
            throw new ActionNotAllowedException(ActionNotAllowedException.Reason.INVALID_INPUT,
                    "Choose the day to be reminded to restart.");
        }
        long id = actions.cancel(subscriptionId, null, null);
        reminders.set(subscriptionId, remindOn);
        LOG.info("Paused {}: cancellation queued as action {}, reminder on {}", subscriptionId, id, remindOn);
        return id;
    }

    @Override
    public void forgetReminder(String subscriptionId) {
        reminders.set(subscriptionId, null);
    }
}
