package com.coursedesk.ui.purchases;

/** The columns of the purchase table; each has its text and its sort order in the view-model. */
public enum PurchaseColumn {
    DATE, PRODUCT, PARTNER, TYPE, AMOUNT, STATUS, CHANNEL, RECEIPT
}
