package com.coursedesk.service.purchases;

import com.coursedesk.data.db.PurchaseSnapshot;
import com.coursedesk.domain.Channel;
import com.coursedesk.domain.Money;
import com.coursedesk.domain.ProductType;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.PurchaseStatus;

import java.util.AbstractList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * The purchases a search found, newest first: positions in one compact snapshot of the
 * history. Each {@link Purchase} is made when asked for, so a result of 100,000 purchases
 * costs an int each until a screen shows one. Position {@code i} means the i-th match.
 */
public final class PurchaseMatches {

    private final PurchaseSnapshot snapshot;
    private final int[] indexes;
    private final TextOrder order;

    /** @param order the alphabetical places of the snapshot's texts, or null until known */
    PurchaseMatches(PurchaseSnapshot snapshot, int[] indexes, TextOrder order) {
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.indexes = Objects.requireNonNull(indexes, "indexes");
        this.order = order;
    }

    PurchaseMatches withOrder(TextOrder textOrder) {
        if (textOrder.snapshot() != snapshot) {
            throw new IllegalArgumentException("an order of another snapshot");
        }
        return new PurchaseMatches(snapshot, indexes, textOrder);
    }

    PurchaseSnapshot snapshot() {
        return snapshot;
    }

    /** The texts the table sorts alphabetically. */
    public enum Text { TITLE, PARTNER, RECEIPT }

    /** Makes the places of these texts, once per history and language: call off the UI thread. */
    public void prepareOrder(Collection<Text> texts) {
        for (Text text : texts) {
            places(text);
        }
    }

    private int[] places(Text text) {
        if (order == null) {
            throw new IllegalStateException("These matches have no text order");
        }
        return order.places(text);
    }

    /** The i-th match's title's place in alphabetical order among the history's titles. */
    public int titlePlace(int i) {
        return places(Text.TITLE)[indexes[i]];
    }

    /** The i-th match's partner's place in alphabetical order among the history's partners. */
    public int partnerPlace(int i) {
        return places(Text.PARTNER)[indexes[i]];
    }

    /** The i-th match's receipt number's place in the order of the history's receipt numbers. */
    public int receiptPlace(int i) {
        return places(Text.RECEIPT)[indexes[i]];
    }

    public int size() {
        return indexes.length;
    }

    /** The whole i-th purchase, made on each call. */
    public Purchase purchase(int i) {
        return snapshot.purchase(indexes[i]);
    }

    /** Every match as a list whose elements are made as they are read (for totals, charts, exports). */
    public List<Purchase> purchases() {
        return new AbstractList<>() {
            @Override
            public Purchase get(int i) {
                return purchase(i);
            }

            @Override
            public int size() {
                return indexes.length;
            }
        };
    }

    /** A refund request for it waits for the provider's answer. */
    public boolean actionPending(int i) {
        return snapshot.hasPendingAction(indexes[i]);
    }

    public String id(int i) {
        return snapshot.id(indexes[i]);
    }

    public String title(int i) {
        return snapshot.title(indexes[i]);
    }

    public String partner(int i) {
        return snapshot.partner(indexes[i]);
    }

    public String receiptNumber(int i) {
        return snapshot.receiptNumber(indexes[i]);
    }

    public ProductType type(int i) {
        return snapshot.type(indexes[i]);
    }

    public Channel channel(int i) {
        return snapshot.channel(indexes[i]);
    }

    public PurchaseStatus status(int i) {
        return snapshot.status(indexes[i]);
    }

    public Money total(int i) {
        return snapshot.total(indexes[i]);
    }

    public long totalMinor(int i) {
        return snapshot.totalMinor(indexes[i]);
    }

    public Currency totalCurrency(int i) {
        return snapshot.totalCurrency(indexes[i]);
    }

    public long purchasedAtMillis(int i) {
        return snapshot.purchasedAtMillis(indexes[i]);
    }

    /** The position of the purchase with this id among the matches, or -1. */
    public int positionOf(String purchaseId) {
        int index = snapshot.indexOf(purchaseId);
        if (index < 0) {
            return -1;
        }
        for (int i = 0; i < indexes.length; i++) {
            if (indexes[i] == index) {
                return i;
            }
        }
        return -1;
    }
}
