package com.coursedesk.ui.purchases;

import java.util.Objects;

/** One column of the table's sort order and its direction. */
public record ColumnSort(PurchaseColumn column, boolean ascending) {

    public ColumnSort {
        Objects.requireNonNull(column, "column");
    }
}
