package com.coursedesk;

/**
 * What {@code coursedesk.jar} was asked to start, decided from the arguments alone. Kept free
 * of logging and of every other class on purpose: {@link Main} asks before logging is set up,
 * and the window sets up its own (a file), which it cannot do once something has logged.
 */
public final class LaunchMode {

    private LaunchMode() {
    }

    /** Whether {@code args} start the sandbox billing server ({@code sandbox ...}). */
    public static boolean isSandbox(String[] args) {
        return args.length > 0 && args[0].equals("sandbox");
    }

    /**
     * Whether {@code args} ask for the command line rather than the window: {@code cli ...},
     * {@code help}/{@code --help}, or a first word after {@code --data-dir DIR}. No arguments,
     * or another option first, start the window. {@code Cli.isCommandLine} asks this
     * (this class loads nothing else, so the launcher can ask before any other class).
     */
    public static boolean isCommandLine(String[] args) {
        if (args.length > 0 && args[0].equals("cli")) {
            return true;
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return true;
            }
            if (arg.equals("--data-dir")) {
                i++;
            } else if (!arg.startsWith("--data-dir=")) {
                return !arg.startsWith("-");
            }
        }
        return false;
    }
}
