package com.coursedesk.ui.purchases;

import java.util.Objects;

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

    // Written out: the generated ones link method handles on first use, and the filter combo
    // boxes compare options while the first page opens.
    @Override
    public boolean equals(Object other) {
        return other instanceof FilterOption<?> o && Objects.equals(value, o.value) && Objects.equals(label, o.label);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, label);
    }
}
