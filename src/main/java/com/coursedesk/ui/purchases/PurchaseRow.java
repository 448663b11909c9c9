package com.coursedesk.ui.purchases;

import com.coursedesk.domain.Purchase;
import com.coursedesk.service.purchases.PurchaseMatches;

import java.util.Objects;

/**
 * One row of the purchase table: a position in one search's matches. Holds no copy of the
 * purchase: with 100,000 rows, a row is 24 bytes, and the purchase is made from the compact
 * history when a cell or the receipt pane asks for it. Rows are compared by identity: a reload
 * makes new rows, and the view re-selects by {@link #id()}.
 */
public final class PurchaseRow {

    /**
     * A row with nothing in it, never shown: the view lays the empty table out over a few of
     * these to make its rows and cells before the first history arrives.
     */
    static final PurchaseRow BLANK = new PurchaseRow();

    private final PurchaseMatches matches;
    private final int position;

    PurchaseRow(PurchaseMatches matches, int position) {
        this.matches = Objects.requireNonNull(matches, "matches");
        this.position = position;
    }

    private PurchaseRow() {
        this.matches = null;
        this.position = -1;
    }

    /** The whole purchase, made on each call. */
    public Purchase purchase() {
        return matches.purchase(position);
    }

    public String id() {
        return matches.id(position);
    }

    /** A refund request for it waits for the provider's answer. */
    public boolean actionPending() {
        return matches.actionPending(position);
    }

    PurchaseMatches matches() {
        return matches;
    }

    int position() {
        return position;
    }

    @Override
    public String toString() {
        return this == BLANK ? "PurchaseRow[blank]" : "PurchaseRow[" + id() + " " + matches.title(position) + "]";
    }
}
