package com.coursedesk.cli;

/**
 * Ends a command with a message for the learner (already in their language) and an exit
 * code. Thrown where a command cannot go on; {@link Cli} prints it on standard error.
 */
final class CliException extends RuntimeException {

    private final int exitCode;
    private final String usageOf;

    CliException(int exitCode, String message) {
        this(exitCode, message, null);
    }

    /**
     * @param usageOf the command whose usage follows the message ("" for the general usage),
     *                or null for none
     */
    CliException(int exitCode, String message, String usageOf) {
        super(message);
        this.exitCode = exitCode;
        this.usageOf = usageOf;
    }

    static CliException usage(String message, String usageOf) {
        return new CliException(ExitCode.USAGE, message, usageOf);
    }

    int exitCode() {
        return exitCode;
    }

    String usageOf() {
        return usageOf;
    }
}
