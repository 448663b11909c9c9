package com.coursedesk.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** "Label:  value" lines with the values lined up, for {@code status}. */
final class Labelled {

    private record Line(String label, String value) {
    }

    private final String indent;
    private final List<Line> lines = new ArrayList<>();

    Labelled(String indent) {
        this.indent = indent;
    }

    Labelled add(String label, String value) {
        lines.add(new Line(label, value));
        return this;
    }

    void print(PrintStream out) {
        int width = lines.stream().mapToInt(l -> TextTable.width(l.label())).max().orElse(0);
        for (Line line : lines) {
            out.println(indent + line.label() + " ".repeat(width - TextTable.width(line.label()) + 2) + line.value());
        }
    }
}
