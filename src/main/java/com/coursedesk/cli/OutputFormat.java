package com.coursedesk.cli;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** How a command writes its result: a table (or text) for people, CSV or JSON for programs. */
enum OutputFormat {
    TABLE, CSV, JSON;

    /** The format {@code --format} (or {@code --csv}) asks for; a table by default. */
    static OutputFormat of(CliContext context, CliArgs args, Set<OutputFormat> allowed, String command) {
        OutputFormat chosen = TABLE;
        if (args.flag("csv")) {
            chosen = CSV;
        }
        if (args.value("format").isPresent()) {
            String text = args.value("format").get().trim().toLowerCase(Locale.ROOT);
            chosen = switch (text) {
                case "table", "text" -> TABLE;
                case "csv" -> CSV;
                case "json" -> JSON;
                default -> null;
            };
        }
        if (chosen == null || !allowed.contains(chosen)) {
            String names = allowed.stream().map(f -> f.name().toLowerCase(Locale.ROOT)).sorted()
                    .collect(Collectors.joining(", "));
            throw CliException.usage(context.messages().get("cli.error.badFormat", names), command);
        }
        return chosen;
    }
}
