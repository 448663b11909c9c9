package com.coursedesk.service.upcoming;

import com.coursedesk.data.db.LocalStore;
import com.coursedesk.data.db.PurchaseDao;
import com.coursedesk.data.db.PurchaseQuery;
import com.coursedesk.data.db.StoredPurchase;
import com.coursedesk.data.db.StoredSubscription;
import com.coursedesk.data.db.SubscriptionDao;
import com.coursedesk.domain.Channel;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.PurchaseStatus;
import com.coursedesk.domain.Subscription;
import com.coursedesk.service.subscriptions.RestartReminders;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** {@link UpcomingService} over one account's local copy. Blocking: off the UI thread. */
public final class StoreUpcomingService implements UpcomingService {

    private final LocalStore store;
    private final RestartReminders reminders;
    private final SubscriptionDao subscriptions = new SubscriptionDao();
    private final PurchaseDao purchases = new PurchaseDao();

    public StoreUpcomingService(LocalStore store, RestartReminders reminders) {
        this.store = Objects.requireNonNull(store, "store");
        this.reminders = Objects.requireNonNull(reminders, "reminders");
    }

    @Override
    public List<UpcomingEvent> events(Instant now, ZoneId zone) {
        // Only paid web purchases can have an open refund window: no need to read the whole history.
        PurchaseQuery refundable = PurchaseQuery.all().withStatuses(Set.of(PurchaseStatus.PAID))
                .withChannels(Set.of(Channel.WEB));
        List<Subscription> subs = store.read(subscriptions::findAll).stream()
                .map(StoredSubscription::subscription).toList();
        List<Purchase> paid = store.read(c -> purchases.search(c, refundable)).stream()
                .map(StoredPurchase::purchase).toList();
        Map<String, LocalDate> byId = new HashMap<>();
        for (Subscription s : subs) {
            reminders.get(s.id()).ifPresent(date -> byId.put(s.id(), date));
        }
        return UpcomingEvents.from(subs, paid, byId, now, zone);
    }
}
