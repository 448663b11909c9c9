package com.coursedesk.ui.purchases;

/**
 * One choice of a filter: a value, or null for "all", with the words shown for it. Combo boxes
 * show {@link #toString()}.
 */
public record FilterOption<T>(T value, String label) {

    public boolean isAll() {
        return value == null;
    }

    @Override
    public String toString() {
        return label;
    }
}
