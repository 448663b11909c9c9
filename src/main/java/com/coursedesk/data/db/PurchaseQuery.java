package com.coursedesk.data.db;

import com.coursedesk.domain.Channel;
import com.coursedesk.domain.ProductType;
import com.coursedesk.domain.PurchaseKind;
import com.coursedesk.domain.PurchaseStatus;

import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * A search over purchases. Every part narrows the result; an empty set or a null bound
 * means "any".
 *
 * @param text            free text matched, ignoring accents and case, against the product
 *                        title, the partner and the receipt number: every whitespace-separated
 *                        term must occur somewhere in them
 * @param purchasedFrom   earliest purchase instant, inclusive, or null
 * @param purchasedBefore latest purchase instant, exclusive, or null
 */
public record PurchaseQuery(String text, Set<PurchaseStatus> statuses, Set<ProductType> productTypes,
                            Set<Channel> channels, Set<PurchaseKind> kinds, Instant purchasedFrom,
                            Instant purchasedBefore) {

    private static final PurchaseQuery ALL = new PurchaseQuery("", Set.of(), Set.of(), Set.of(), Set.of(), null, null);

    public PurchaseQuery {
        text = text == null ? "" : text;
        statuses = Set.copyOf(Objects.requireNonNull(statuses, "statuses"));
        productTypes = Set.copyOf(Objects.requireNonNull(productTypes, "productTypes"));
        channels = Set.copyOf(Objects.requireNonNull(channels, "channels"));
        kinds = Set.copyOf(Objects.requireNonNull(kinds, "kinds"));
    }

    /** Every purchase. */
    public static PurchaseQuery all() {
        return ALL;
    }

    public PurchaseQuery withText(String newText) {
        return new PurchaseQuery(newText, statuses, productTypes, channels, kinds, purchasedFrom, purchasedBefore);
    }

    public PurchaseQuery withStatuses(Set<PurchaseStatus> newStatuses) {
        return new PurchaseQuery(text, newStatuses, productTypes, channels, kinds, purchasedFrom, purchasedBefore);
    }

    public PurchaseQuery withProductTypes(Set<ProductType> newTypes) {
        return new PurchaseQuery(text, statuses, newTypes, channels, kinds, purchasedFrom, purchasedBefore);
    }

    public PurchaseQuery withChannels(Set<Channel> newChannels) {
        return new PurchaseQuery(text, statuses, productTypes, newChannels, kinds, purchasedFrom, purchasedBefore);
    }

    public PurchaseQuery withKinds(Set<PurchaseKind> newKinds) {
        return new PurchaseQuery(text, statuses, productTypes, channels, newKinds, purchasedFrom, purchasedBefore);
    }

    /** Purchases in [{@code from}, {@code before}); either bound may be null. */
    public PurchaseQuery withPurchasedBetween(Instant from, Instant before) {
        return new PurchaseQuery(text, statuses, productTypes, channels, kinds, from, before);
    }

    /** Purchases made during {@code year} as a calendar in {@code zone} counts it. */
    public PurchaseQuery withYear(Year year, ZoneId zone) {
        Instant from = year.atDay(1).atStartOfDay(zone).toInstant();
        Instant before = year.plusYears(1).atDay(1).atStartOfDay(zone).toInstant();
        return withPurchasedBetween(from, before);
    }
}
