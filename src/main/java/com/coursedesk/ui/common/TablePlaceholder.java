package com.coursedesk.ui.common;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.text.TextAlignment;

/**
 * What an empty table says, wrapped and centred when it is wider than the table: a sentence
 * that fits in English ran off both edges in Spanish.
 */
public final class TablePlaceholder {

    private TablePlaceholder() {
    }

    /** A placeholder label saying {@code text} (null: set or bind it later). */
    public static Label of(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setTextAlignment(TextAlignment.CENTER);
        label.setPadding(new Insets(8, 16, 8, 16));
        return label;
    }
}
