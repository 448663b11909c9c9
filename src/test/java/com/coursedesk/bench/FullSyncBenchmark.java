package com.coursedesk.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
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
 * A full sync into a fresh local store: the whole client path, through the real
 * {@code SignInService} and {@code SyncEngine}, over loopback HTTP from the sandbox running as
 * its own process. Each measured pass starts on a new data folder, signed in beforehand
 * (sign-in is not measured). The floor is {@link FullSyncFloorBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class FullSyncBenchmark {

    @Param({"10000", "100000"})
    public int purchases;

    private Path work;
    private SandboxProcess sandbox;
    private BenchClient client;
    private Path clientDir;
    private int iteration;

    @Setup(Level.Trial)
    public void startSandbox() throws IOException {
        work = Files.createTempDirectory("bench-full-sync-");
        sandbox = SandboxProcess.start(purchases, work.resolve("sandbox.db"));
    }

    @Setup(Level.Iteration)
    public void signIn() {
        clientDir = work.resolve("client-" + ++iteration);
        client = BenchClient.signIn(clientDir, sandbox.baseUri());
    }

    @Benchmark
    public void fullSync() throws Exception {
        client.syncOnce();
    }

    @TearDown(Level.Iteration)
    public void checkAndClean() throws IOException {
        long stored = client.purchaseCount();
        client.close();
        Jvm.deleteTree(clientDir);
        if (stored < purchases) {
            throw new IllegalStateException("The full sync stored " + stored + " purchases of " + purchases);
        }
    }

    @TearDown(Level.Trial)
    public void stopSandbox() throws Exception {
        sandbox.close();
        Jvm.deleteTree(work);
    }
}
