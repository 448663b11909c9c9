package com.coursedesk.cli;

import com.coursedesk.domain.UnknownWireValueException;
import com.coursedesk.domain.WireEnum;
import com.coursedesk.domain.WireValues;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Filter options that take the contract's values, several separated by commas: {@code --status paid,refunded}. */
final class Filters {

    private Filters() {
    }

    static <E extends Enum<E> & WireEnum> Set<E> parse(CliContext context, CliArgs args, String option,
                                                       Class<E> type, String command) {
        if (args.value(option).isEmpty()) {
            return Set.of();
        }
        Set<E> values = new LinkedHashSet<>();
        for (String part : args.value(option).get().split(",")) {
            String wire = part.trim().toLowerCase(Locale.ROOT);
            if (wire.isEmpty()) {
                continue;
            }
            try {
                values.add(WireValues.fromWire(type, wire));
            } catch (UnknownWireValueException e) {
                String allowed = Arrays.stream(type.getEnumConstants()).map(WireEnum::wireName)
                        .collect(Collectors.joining(", "));
                throw CliException.usage(context.messages().get("cli.error.badValue", "--" + option, part.trim(),
                        allowed), command);
            }
        }
        return values;
    }
}
