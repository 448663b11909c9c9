package com.coursedesk.service.upcoming;

import com.coursedesk.domain.Money;

import java.time.Instant;
import java.util.Objects;

/**
 * One coming money event.
 *
 * @param id              stable while the event is the same event (kind, record and moment), so
 *                        a reminder dismissed once stays dismissed and a calendar export keeps
 *                        its UID; the next renewal of the same subscription gets another id
 * @param amount          what is charged (or refundable, or what a restart costs), or null
 * @param title           the product's title
 * @param subscriptionId  the subscription it concerns, or null
 * @param purchaseId      the purchase it concerns, or null
 */
public record UpcomingEvent(String id, UpcomingEventKind kind, Instant at, Money amount, String title,
                            String subscriptionId, String purchaseId) {

    public UpcomingEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(title, "title");
    }

    /** The id of {@code kind} on record {@code recordId} at {@code at}. */
    static String idOf(UpcomingEventKind kind, String recordId, Instant at) {
        return kind.wireName() + ":" + recordId + ":" + at.getEpochSecond();
    }
}
