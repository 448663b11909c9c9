package com.coursedesk.cli;

import java.io.Console;

/** Reads a password from the terminal without echo. */
@FunctionalInterface
interface PasswordSource {

    /** The typed password, or null when there is no terminal to ask on. */
    char[] read(String prompt);

    /** The process's own terminal ({@link System#console()}), if it has one. */
    static PasswordSource systemConsole() {
        return prompt -> {
            Console console = System.console();
            return console == null ? null : console.readPassword("%s", prompt);
        };
    }
}
