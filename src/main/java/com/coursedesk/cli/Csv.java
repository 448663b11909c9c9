package com.coursedesk.cli;

import java.io.PrintStream;
import java.util.List;

/** RFC 4180 CSV: a field holding a comma, a quote or a line break is quoted, quotes doubled. */
final class Csv {

    private final PrintStream out;

    Csv(PrintStream out) {
        this.out = out;
    }

    void row(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(field(fields.get(i)));
        }
        // CRLF, as RFC 4180 and spreadsheet imports expect.
        out.print(sb.append("\r\n"));
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
