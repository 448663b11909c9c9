package com.coursedesk.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Whether a shown table's column titles fit their headers: for checking every shipped
 * language against column widths that do not depend on the language.
 */
public final class TableHeaders {

    private TableHeaders() {
    }

    /**
     * The titles that {@code titleOf} gives the columns which their headers would cut, each
     * shown in its header with the column sorted (the sort arrow takes room beside the title).
     * The table's own titles and sort order are put back. Call on the FX thread, the table shown.
     */
    public static <S> List<String> tooNarrow(TableView<S> table, Function<TableColumnBase<?, ?>, String> titleOf) {
        List<TableColumn<S, ?>> sortOrder = List.copyOf(table.getSortOrder());
        List<String> cut = new ArrayList<>();
        for (TableColumn<S, ?> column : table.getColumns()) {
            String before = column.getText();
            String title = titleOf.apply(column);
            column.setText(title);
            table.getSortOrder().setAll(List.of(column));
            table.applyCss();
            table.layout();
            Label label = (Label) header(table, column).lookup(".label");
            Node shown = label.lookup(".text");
            if (!(shown instanceof Text text) || !title.equals(text.getText())) {
                cut.add(title + " (shown as \"" + (shown instanceof Text text ? text.getText() : "") + "\")");
            }
            column.setText(before);
        }
        table.getSortOrder().setAll(sortOrder);
        return cut;
    }

    private static Node header(TableView<?> table, TableColumnBase<?, ?> column) {
        return table.lookupAll(".column-header").stream()
                .filter(node -> node instanceof TableColumnHeader header && header.getTableColumn() == column)
                .findFirst().orElseThrow(() -> new AssertionError("no header for " + column.getText()));
    }

    /** The key of a column's title: its fx:id less "Column", after {@code prefix}. */
    public static String key(String prefix, TableColumnBase<?, ?> column) {
        String id = column.getId();
        return prefix + id.substring(0, id.length() - "Column".length());
    }
}
