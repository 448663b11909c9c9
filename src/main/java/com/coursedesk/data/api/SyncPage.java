package com.coursedesk.data.api;

import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.Subscription;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One page of {@code GET /v1/sync}: the changed records in their newest state, the records
 * deleted, and the cursor to store with them in the same local transaction.
 *
 * @param cursor     the cursor to ask from next time
 * @param hasMore    whether another page is waiting right now
 * @param remaining  changes still to fetch after this page (0 when {@code hasMore} is false)
 * @param serverDate the answer's HTTP {@code Date} (the server's clock when it answered, to the
 *                   second), or null when it sent none or one that cannot be read
 */
public record SyncPage(List<Purchase> purchases, List<Subscription> subscriptions, List<Deleted> deleted,
                       String cursor, boolean hasMore, long remaining, Instant serverDate) {

    public SyncPage {
        purchases = List.copyOf(purchases);
        subscriptions = List.copyOf(subscriptions);
        deleted = List.copyOf(deleted);
        Objects.requireNonNull(cursor, "cursor");
    }

    /** A page without a known {@code Date}. */
    public SyncPage(List<Purchase> purchases, List<Subscription> subscriptions, List<Deleted> deleted,
                    String cursor, boolean hasMore, long remaining) {
        this(purchases, subscriptions, deleted, cursor, hasMore, remaining, null);
    }

    /** This page with the {@code Date} its answer carried. */
    SyncPage withServerDate(Instant date) {
        return new SyncPage(purchases, subscriptions, deleted, cursor, hasMore, remaining, date);
    }
}
