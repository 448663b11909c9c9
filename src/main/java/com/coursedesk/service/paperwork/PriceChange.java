package com.coursedesk.service.paperwork;

/** How a subscription payment compares with the one before it. */
public enum PriceChange {
    /** The first payment: nothing to compare with. */
    FIRST,
    /** The same amount in the same currency. */
    SAME,
    /** More than before, same currency. */
    INCREASE,
    /** Less than before, same currency. */
    DECREASE,
    /** Charged in another currency: amounts cannot be compared. */
    CURRENCY
}
