package com.coursedesk.ui.purchases;

import com.coursedesk.domain.Purchase;

import java.text.CollationKey;
import java.util.Objects;

/**
 * One row of the purchase table. Built off the UI thread with the collation keys of its title
 * and partner, so that sorting 100,000 rows by title compares bytes instead of running the
 * locale's collator a few million times on the UI thread. Rows are compared by identity: a
 * reload makes new rows, and the view re-selects by {@link #id()}.
 */
public final class PurchaseRow {

    private final Purchase purchase;
    private final boolean actionPending;
    private final CollationKey titleKey;
    private final CollationKey partnerKey;

    PurchaseRow(Purchase purchase, boolean actionPending, CollationKey titleKey, CollationKey partnerKey) {
        this.purchase = Objects.requireNonNull(purchase, "purchase");
        this.actionPending = actionPending;
        this.titleKey = Objects.requireNonNull(titleKey, "titleKey");
        this.partnerKey = Objects.requireNonNull(partnerKey, "partnerKey");
    }

    public Purchase purchase() {
        return purchase;
    }

    public String id() {
        return purchase.id();
    }

    /** A refund request for it waits for the provider's answer. */
    public boolean actionPending() {
        return actionPending;
    }

    CollationKey titleKey() {
        return titleKey;
    }

    CollationKey partnerKey() {
        return partnerKey;
    }

    @Override
    public String toString() {
        return "PurchaseRow[" + purchase.id() + " " + purchase.product().title() + "]";
    }
}
