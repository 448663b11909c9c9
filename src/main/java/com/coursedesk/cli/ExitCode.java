package com.coursedesk.cli;

/**
 * The command line's exit codes, stable for scripts (README, "Command line"). A script can
 * tell "try again later" (offline) from "sign in again" from "the provider said no".
 */
public final class ExitCode {

    /** Done. */
    public static final int OK = 0;
    /** Something unexpected failed here (the local store, the disk); see the log. */
    public static final int ERROR = 1;
    /** The command line was wrong, or the input cannot be acted on (unknown id, rule broken). */
    public static final int USAGE = 2;
    /** Not signed in, the session ended, or the server refused the email and password. */
    public static final int SIGNED_OUT = 3;
    /** The server could not be reached; any action stays pending and is sent later. */
    public static final int OFFLINE = 4;
    /** The server refused or failed; its code and detail are printed. */
    public static final int REFUSED = 5;
    /** Another CourseDesk uses the same data folder; nothing was touched. */
    public static final int LOCKED = 6;

    private ExitCode() {
    }
}
