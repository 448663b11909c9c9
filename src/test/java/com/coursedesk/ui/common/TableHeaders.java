package com.coursedesk.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Whether a shown table's column titles fit their headers, measured in the headers' own font:
 * for checking every shipped language against widths that do not depend on the language.
 */
public final class TableHeaders {

    private TableHeaders() {
    }

    /**
     * The titles that {@code titleOf} gives the columns which would be cut in their headers, as
     * "title (needs N px, has M)". Call on the FX thread, with the table laid out.
     */
    public static List<String> tooNarrow(TableView<?> table, Function<TableColumnBase<?, ?>, String> titleOf) {
        List<String> cut = new ArrayList<>();
        for (Node node : table.lookupAll(".column-header")) {
            if (!(node instanceof TableColumnHeader header) || header.getTableColumn() == null) {
                continue;
            }
            Label label = (Label) header.lookup(".label");
            String title = titleOf.apply(header.getTableColumn());
            Text text = new Text(title);
            text.setFont(label.getFont());
            double needs = text.getLayoutBounds().getWidth();
            double has = header.getTableColumn().getWidth() - label.snappedLeftInset() - label.snappedRightInset();
            if (needs > has) {
                cut.add(String.format(Locale.ROOT, "%s (needs %.1f px, has %.1f)", title, needs, has));
            }
        }
        return cut;
    }

    /** The key of a column's title: its fx:id less "Column", after {@code prefix}. */
    public static String key(String prefix, TableColumnBase<?, ?> column) {
        String id = column.getId();
        return prefix + id.substring(0, id.length() - "Column".length());
    }
}
