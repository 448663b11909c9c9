package com.coursedesk;

import com.coursedesk.sandbox.SandboxMain;

import java.util.Arrays;

/**
 * Entry point of {@code coursedesk.jar}. Kept apart from the JavaFX {@code Application}
 * class because JavaFX refuses to start from the classpath when the main class extends it.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("sandbox")) {
            System.exit(SandboxMain.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
            return;
        }
        com.coursedesk.app.DesktopLauncher.launch(args);
    }
}
