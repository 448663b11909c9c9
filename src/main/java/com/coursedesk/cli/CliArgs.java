package com.coursedesk.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed command line: the command word, its other words (ids) and its options. Options
 * may come before or after the command, as {@code --name value} or {@code --name=value};
 * {@code --} ends the options. Which options a command accepts is checked by the command's
 * {@link CommandSpec}; this class only knows which options take a value.
 */
final class CliArgs {

    /** Every option that takes a value, across all commands. */
    static final Set<String> VALUED = Set.of("data-dir", "account", "server", "email", "year", "search", "status",
            "type", "channel", "format", "reason", "comment", "output", "start-month", "remind-days");
    /** Every option that is a switch. */
    static final Set<String> FLAGS = Set.of("password-stdin", "csv", "help", "force");

    private final String command;
    private final List<String> words;
    private final Map<String, String> values;
    private final Set<String> flags;

    private CliArgs(String command, List<String> words, Map<String, String> values, Set<String> flags) {
        this.command = command;
        this.words = List.copyOf(words);
        this.values = Map.copyOf(values);
        this.flags = Set.copyOf(flags);
    }

    /**
     * @throws CliException (usage) on an unknown option or an option without its value
     */
    static CliArgs parse(String[] args, CliMessages messages) {
        List<String> positional = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> flags = new LinkedHashSet<>();
        boolean optionsEnded = false;
        // For an error before the command word is known: the usage shown is that of the
        // first plain word (a guess; an unknown word gets the general usage).
        String usageOf = Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse("");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                positional.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            if (arg.equals("-h")) {
                flags.add("help");
                continue;
            }
            if (!arg.startsWith("--")) {
                throw CliException.usage(messages.get("cli.error.unknownOption", arg), usageOf);
            }
            String name = arg.substring(2);
            String inlineValue = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inlineValue = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (FLAGS.contains(name) && inlineValue == null) {
                flags.add(name);
            } else if (VALUED.contains(name)) {
                String value = inlineValue;
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw CliException.usage(messages.get("cli.error.missingValue", "--" + name), usageOf);
                    }
                    value = args[++i];
                }
                values.put(name, value);
            } else {
                throw CliException.usage(messages.get("cli.error.unknownOption", "--" + name), usageOf);
            }
        }
        String command = positional.isEmpty() ? null : positional.remove(0);
        return new CliArgs(command, positional, values, flags);
    }

    /** The command word, or null when there is none. */
    String command() {
        return command;
    }

    /** The words after the command (ids). */
    List<String> words() {
        return words;
    }

    Optional<String> value(String option) {
        return Optional.ofNullable(values.get(option));
    }

    boolean flag(String option) {
        return flags.contains(option);
    }

    /** Every option given, values and switches, without the leading dashes. */
    Set<String> optionNames() {
        Set<String> all = new LinkedHashSet<>(values.keySet());
        all.addAll(flags);
        return all;
    }
}
