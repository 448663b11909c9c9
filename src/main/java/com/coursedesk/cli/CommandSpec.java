package com.coursedesk.cli;

import java.util.Set;

/**
 * What a command accepts.
 *
 * @param name       the command word
 * @param options    the options it accepts (besides {@code --help}, accepted everywhere)
 * @param minWords   fewest words after the command (ids)
 * @param maxWords   most words after the command
 * @param writes     whether it changes local data, and so needs the data folder to itself
 */
record CommandSpec(String name, Set<String> options, int minWords, int maxWords, boolean writes) {

    CommandSpec {
        options = Set.copyOf(options);
    }
}
