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
 *
 * <p>The choice is made by {@link LaunchMode}, which touches no other class: loading
 * {@code Cli} or {@code SandboxMain} would start logging with the console configuration
 * before the window could set up its own.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (LaunchMode.isSandbox(args)) {
            System.exit(SandboxMain.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
            return;
        }
        if (LaunchMode.isCommandLine(args)) {
            System.exit(Cli.forUser().run(args, System.in, System.out, System.err));
            return;
        }
        com.coursedesk.app.DesktopLauncher.launch(args);
    }
}
