package com.coursedesk.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for a terminal: columns padded to their widest cell, measured in
 * terminal columns (a Japanese or Chinese character or an emoji takes two), long cells cut
 * with an ellipsis, amounts aligned right.
 */
final class TextTable {

    private record Column(String header, int maxWidth, boolean alignRight) {
    }

    private static final String GAP = "  ";

    private final List<Column> columns = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();

    /** A left-aligned column cut at {@code maxWidth} terminal columns (0: never cut). */
    TextTable column(String header, int maxWidth) {
        columns.add(new Column(header, maxWidth, false));
        return this;
    }

    TextTable rightAligned(String header) {
        columns.add(new Column(header, 0, true));
        return this;
    }

    TextTable row(String... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + columns.size() + " columns");
        }
        String[] copy = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            Column c = columns.get(i);
            String cell = cells[i] == null ? "" : cells[i].replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
            copy[i] = c.maxWidth() > 0 ? cut(cell, c.maxWidth()) : cell;
        }
        rows.add(copy);
        return this;
    }

    void print(PrintStream out) {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width(columns.get(i).header());
            for (String[] row : rows) {
                widths[i] = Math.max(widths[i], width(row[i]));
            }
        }
        String[] headers = columns.stream().map(Column::header).toArray(String[]::new);
        out.println(line(headers, widths));
        for (String[] row : rows) {
            out.println(line(row, widths));
        }
    }

    private String line(String[] cells, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            boolean last = i == cells.length - 1;
            String pad = " ".repeat(widths[i] - width(cells[i]));
            if (columns.get(i).alignRight()) {
                sb.append(pad).append(cells[i]);
            } else {
                sb.append(cells[i]);
                if (!last) {
                    sb.append(pad);
                }
            }
            if (!last) {
                sb.append(GAP);
            }
        }
        return sb.toString().stripTrailing();
    }

    /** {@code text} cut to at most {@code max} terminal columns, ending in "…" when cut. */
    static String cut(String text, int max) {
        if (width(text) <= max) {
            return text;
        }
        StringBuilder sb = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int w = width(cp);
            if (used + w > max - 1) {
                break;
            }
            sb.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        return sb.toString().stripTrailing() + "…";
    }

    /** Terminal columns {@code text} takes. */
    static int width(String text) {
        int w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            w += width(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    private static int width(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || cp == 0xFE0F) {
            return 0;
        }
        // East Asian wide and full-width ranges, and the emoji blocks terminals draw double.
        if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F)
                || (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD)) {
            return 2;
        }
        return 1;
    }
}
