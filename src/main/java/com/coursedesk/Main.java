package com.coursedesk;

import com.coursedesk.cli.Cli;
import com.coursedesk.sandbox.SandboxMain;

import java.util.Arrays;

/**
 * Entry point of {@code coursedesk.jar}: {@code sandbox ...} starts the sandbox billing
 * server, a command word ({@code status}, {@code sync}, {@code cli status}, {@code --help},
 * ...) runs the headless command line, anything else (no arguments, or an option first)
 * starts the window. Kept apart from the JavaFX {@code Application} class because JavaFX
 * refuses to start from the classpath when the main class extends it.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("sandbox")) {
            System.exit(SandboxMain.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
            return;
        }
        if (Cli.isCommandLine(args)) {
            System.exit(Cli.forUser().run(args, System.in, System.out, System.err));
            return;
        }
        com.coursedesk.app.DesktopLauncher.launch(args);
    }
}
