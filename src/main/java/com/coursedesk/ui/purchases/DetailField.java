package com.coursedesk.ui.purchases;

/** One line of the receipt in the detail pane: what it is and its value, both in words. */
public record DetailField(String label, String value) {
}
