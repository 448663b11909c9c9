package com.coursedesk.cli;

/** One command of the command line. */
interface Command {

    CommandSpec spec();

    /** Runs the command; returns its exit code ({@link ExitCode}). */
    int run(CliContext context, CliArgs args);
}
