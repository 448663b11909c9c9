package com.coursedesk.platform;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Run in a second JVM by {@link InstanceLockTest}: tries the lock on {@code args[0]} and
 * prints {@code ACQUIRED}, {@code HELD <holder>} or {@code UNAVAILABLE}. With {@code hold}
 * as {@code args[1]} it keeps an acquired lock until its standard input closes.
 */
public final class InstanceLockProbe {

    private InstanceLockProbe() {
    }

    public static void main(String[] args) throws IOException {
        InstanceLock.Result result = InstanceLock.tryAcquire(Path.of(args[0]));
        if (result instanceof InstanceLock.Acquired acquired) {
            System.out.println("ACQUIRED");
            System.out.flush();
            if (args.length > 1 && args[1].equals("hold")) {
                while (System.in.read() != -1) {
                    // Holds the lock until the parent closes our stdin.
                }
            }
            acquired.lock().close();
            System.exit(0);
        } else if (result instanceof InstanceLock.HeldElsewhere held) {
            System.out.println("HELD " + held.holder());
            System.exit(3);
        } else {
            System.out.println("UNAVAILABLE");
            System.exit(4);
        }
    }
}
