package com.coursedesk.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A delta sync that brings one change (a purchase the learner just made on the web, added
 * through the sandbox's control interface before each pass), into a local store that holds
 * the whole 100,000-purchase history; beside its floor, one {@code GET /v1/health} round trip
 * to the same sandbox on a kept-alive connection, measured the same way. A delta pass makes
 * two round trips ({@code /v1/health} for the server's time, then {@code /v1/sync}) and two
 * write transactions.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class DeltaSyncBenchmark {

    static final int PURCHASES = 100_000;

    /** The sandbox and a client that has synced everything. */
    @State(Scope.Benchmark)
    public static class Synced {

        Path work;
        SandboxProcess sandbox;
        BenchClient client;
        long before;
        int change;

        @Setup(Level.Trial)
        public void syncEverything() throws Exception {
            work = Files.createTempDirectory("bench-delta-sync-");
            sandbox = SandboxProcess.start(PURCHASES, work.resolve("sandbox.db"));
            client = BenchClient.signIn(work.resolve("client"), sandbox.baseUri());
            client.syncOnce();
        }

        @Setup(Level.Iteration)
        public void oneChange() throws Exception {
            before = client.purchaseCount();
            sandbox.addPurchase("Benchmark delta " + ++change);
        }

        @TearDown(Level.Iteration)
        public void check() {
            long after = client.purchaseCount();
            if (after != before + 1) {
                throw new IllegalStateException("The delta sync stored " + (after - before) + " new purchases, not 1");
            }
        }

        @TearDown(Level.Trial)
        public void stop() throws Exception {
            client.close();
            sandbox.close();
            Jvm.deleteTree(work);
        }
    }

    /**
     * The sandbox alone, for the round trip, measured as the delta sync is: one call after the
     * same preparation (a purchase added), not in a tight loop, where a round trip is several
     * times faster than any single one (every thread on both sides stays awake and hot).
     */
    @State(Scope.Benchmark)
    public static class Server {

        Path work;
        SandboxProcess sandbox;
        int change;

        @Setup(Level.Trial)
        public void start() throws IOException {
            work = Files.createTempDirectory("bench-health-");
            sandbox = SandboxProcess.start(PURCHASES, work.resolve("sandbox.db"));
        }

        @Setup(Level.Iteration)
        public void sameAsBeforeADelta() throws Exception {
            sandbox.addPurchase("Benchmark delta " + ++change);
        }

        @TearDown(Level.Trial)
        public void stop() throws Exception {
            sandbox.close();
            Jvm.deleteTree(work);
        }
    }

    @Benchmark
    @Warmup(iterations = 10)
    @Measurement(iterations = 30)
    public void deltaSync(Synced state) throws Exception {
        state.client.syncOnce();
    }

    @Benchmark
    @Warmup(iterations = 10)
    @Measurement(iterations = 30)
    public void healthRoundTrip(Server state) throws Exception {
        state.sandbox.health();
    }
}
