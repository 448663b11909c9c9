package com.coursedesk.service.purchases;

import com.coursedesk.data.db.PurchaseQuery;
import com.coursedesk.domain.Channel;
import com.coursedesk.domain.ProductType;
import com.coursedesk.domain.PurchaseStatus;

import java.time.Year;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * What the purchase history screen asks for: free text and at most one value per filter.
 * A null filter means "all".
 *
 * @param text    words to find in the title, the partner or the receipt number (accents and
 *                case ignored); blank for everything
 * @param year    the calendar year in the learner's time zone, or null
 */
public record PurchaseFilter(String text, ProductType type, PurchaseStatus status, Year year, Channel channel) {

    private static final PurchaseFilter ALL = new PurchaseFilter("", null, null, null, null);

    public PurchaseFilter {
        text = text == null ? "" : text;
    }

    public static PurchaseFilter all() {
        return ALL;
    }

    public PurchaseFilter withText(String newText) {
        return new PurchaseFilter(newText, type, status, year, channel);
    }

    public PurchaseFilter withType(ProductType newType) {
        return new PurchaseFilter(text, newType, status, year, channel);
    }

    public PurchaseFilter withStatus(PurchaseStatus newStatus) {
        return new PurchaseFilter(text, type, newStatus, year, channel);
    }

    public PurchaseFilter withYear(Year newYear) {
        return new PurchaseFilter(text, type, status, newYear, channel);
    }

    public PurchaseFilter withChannel(Channel newChannel) {
        return new PurchaseFilter(text, type, status, year, newChannel);
    }

    /** The store's query for this filter, with the year counted in {@code zone}. */
    PurchaseQuery toQuery(ZoneId zone) {
        PurchaseQuery query = PurchaseQuery.all().withText(text.strip())
                .withProductTypes(type == null ? Set.of() : Set.of(type))
                .withStatuses(status == null ? Set.of() : Set.of(status))
                .withChannels(channel == null ? Set.of() : Set.of(channel));
        return year == null ? query : query.withYear(year, zone);
    }

    // Written out: the generated ones link method handles on first use, and the Purchases
    // page compares filters while it opens.
    @Override
    public boolean equals(Object other) {
        return other instanceof PurchaseFilter f && text.equals(f.text) && type == f.type && status == f.status
                && Objects.equals(year, f.year) && channel == f.channel;
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, type, status, year, channel);
    }
}
