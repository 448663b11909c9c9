package com.coursedesk.data.api;

import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.Subscription;

import java.util.List;
import java.util.Objects;

/**
 * One page of {@code GET /v1/sync}: the changed records in their newest state, the records
 * deleted, and the cursor to store with them in the same local transaction.
 *
 * @param cursor    the cursor to ask from next time
 * @param hasMore   whether another page is waiting right now
 * @param remaining changes still to fetch after this page (0 when {@code hasMore} is false)
 */
public record SyncPage(List<Purchase> purchases, List<Subscription> subscriptions, List<Deleted> deleted,
                       String cursor, boolean hasMore, long remaining) {

    public SyncPage {
        purchases = List.copyOf(purchases);
        subscriptions = List.copyOf(subscriptions);
        deleted = List.copyOf(deleted);
        Objects.requireNonNull(cursor, "cursor");
    }
}
