package com.coursedesk.sandbox;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code coursedesk.jar sandbox [--port N] [--data FILE] [--seed S] [--purchases N] [--dev]
 * [--token-ttl SECONDS]}: the sandbox as its own process. Prints one line
 * {@code listening on http://127.0.0.1:PORT} when ready and stops cleanly on Ctrl+C.
 */
public final class SandboxMain {

    static final String USAGE = """
            usage: coursedesk sandbox [--port N] [--data FILE] [--seed S] [--purchases N] [--dev] [--token-ttl SECONDS]
              --port N           port on 127.0.0.1 (default 8787; 0 picks a free one)
              --data FILE        the sandbox's SQLite file (default ./coursedesk-sandbox.db); kept across restarts
              --seed S           seed of the demo data (default %d)
              --purchases N      purchases of scale@example.com (default %d; at least 100000 for scale tests)
              --dev              enable the /_sandbox control interface (clock, faults) for development and tests
              --token-ttl SECS   lifetime of access tokens (default 900)
            """.formatted(SandboxOptions.DEFAULT_SEED, SandboxOptions.DEFAULT_SCALE_PURCHASES);

    private SandboxMain() {
    }

    /** Runs until interrupted; returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        SandboxOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("sandbox: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (options == null) {
            out.print(USAGE);
            return 0;
        }
        SandboxServer server;
        try {
            server = SandboxServer.start(options);
        } catch (Exception e) {
            err.println("sandbox: cannot start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("listening on " + server.baseUri());
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    static SandboxOptions parse(String[] args) {
        SandboxOptions options = new SandboxOptions(8787, Path.of("coursedesk-sandbox.db"), SandboxOptions.DEFAULT_SEED,
                SandboxOptions.DEFAULT_SCALE_PURCHASES, false, SandboxOptions.DEFAULT_ACCESS_TOKEN_TTL);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--dev" -> options = options.withControl(true);
                case "--port" -> options = options.withPort(intValue(arg, value(args, ++i, arg)));
                case "--data" -> options = options.withDataFile(Path.of(value(args, ++i, arg)));
                case "--seed" -> options = options.withSeed(longValue(arg, value(args, ++i, arg)));
                case "--purchases" -> options = options.withScalePurchases(intValue(arg, value(args, ++i, arg)));
                case "--token-ttl" -> options = options.withAccessTokenTtl(
                        Duration.ofSeconds(intValue(arg, value(args, ++i, arg))));
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return options;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int intValue(String option, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got '" + text + "'");
        }
    }

    private static long longValue(String option, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got '" + text + "'");
        }
    }
}
