package com.coursedesk.service.paperwork;

import com.coursedesk.domain.Money;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.PurchaseKind;
import com.coursedesk.domain.PurchaseStatus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What a subscription has really cost, period by period: its payments that were taken (paid,
 * or paid and refunded later, which stay marked), oldest first, each compared with the one
 * before so a price rise or a change of currency stands out. Failed and pending payments took
 * nothing and are left out. Pure.
 *
 * @param subscriptionId the subscription
 * @param title          its product's title
 * @param points         the payments, oldest first
 */
public record PriceHistory(String subscriptionId, String title, List<PricePoint> points) {

    private static final Comparator<Purchase> OLDEST_FIRST =
            Comparator.comparing(Purchase::purchasedAt).thenComparing(Purchase::id);

    public PriceHistory {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(title, "title");
        points = List.copyOf(points);
    }

    /** The history of {@code subscriptionId} from its payments (others among them are ignored). */
    public static PriceHistory of(String subscriptionId, String title, Collection<Purchase> purchases) {
        return new PriceHistory(subscriptionId, title, points(purchases.stream()
                .filter(p -> subscriptionId.equals(p.subscriptionId()))
                .toList()));
    }

    /** The payments among {@code purchases} as points, oldest first, each marked against the one before. */
    public static List<PricePoint> points(Collection<Purchase> purchases) {
        List<Purchase> taken = purchases.stream()
                .filter(p -> p.kind() == PurchaseKind.SUBSCRIPTION_PAYMENT)
                .filter(p -> p.status() == PurchaseStatus.PAID || p.status() == PurchaseStatus.REFUNDED)
                .sorted(OLDEST_FIRST)
                .toList();
        List<PricePoint> points = new ArrayList<>(taken.size());
        Money previous = null;
        for (Purchase p : taken) {
            Money paid = p.total();
            points.add(new PricePoint(p.id(), p.purchasedAt(), paid, p.status(), compare(previous, paid), previous));
            previous = paid;
        }
        return points;
    }

    static PriceChange compare(Money previous, Money current) {
        if (previous == null) {
            return PriceChange.FIRST;
        }
        if (!previous.currency().equals(current.currency())) {
            return PriceChange.CURRENCY;
        }
        int order = Long.compare(current.amountMinor(), previous.amountMinor());
        return order > 0 ? PriceChange.INCREASE : order < 0 ? PriceChange.DECREASE : PriceChange.SAME;
    }

    /** How many times the price or currency changed. */
    public long changes() {
        return points.stream().filter(PricePoint::changed).count();
    }

    /** The latest payment, or null before the first. */
    public PricePoint latest() {
        return points.isEmpty() ? null : points.get(points.size() - 1);
    }
}
