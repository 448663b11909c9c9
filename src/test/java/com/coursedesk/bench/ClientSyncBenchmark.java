package com.coursedesk.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The client's sync, end to end through the real {@code SignInService} and {@code SyncEngine}
 * into a fresh local store, against the sandbox over loopback HTTP. For each size N
 * (purchases of {@code scale@example.com}): full-sync time (median of 3, a fresh data folder
 * each, after one unmeasured warm-up pass), delta-sync time with one change (median of 10;
 * the change is a purchase added through the sandbox's control interface) beside the floor
 * of one {@code /v1/health} round trip, and the peak heap during a full sync.
 *
 * <p>The sandbox runs as its own process, so its memory and garbage are not counted as the
 * client's. The client runs in this JVM; under {@code exec:java} that is Maven's, so the heap
 * figure is the growth over the heap in use just before the pass (after a GC), sampled every
 * 10 ms. Not a test: run it with {@code mvn -q test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=com.coursedesk.bench.ClientSyncBenchmark
 * [-Dexec.args="10000,100000 target/bench"]}. Writes {@code client-sync.csv}.
 */
public final class ClientSyncBenchmark {

    private static final int FULL_RUNS = 3;
    private static final int DELTA_RUNS = 10;
    private static final int HEALTH_RUNS = 200;
    private static final double MB = 1024.0 * 1024.0;

    private ClientSyncBenchmark() {
    }

    /** One size's figures. */
    private record Row(int purchases, long records, double fullMedian, double fullMin, double fullMax,
                       double fullCpuMedian, double deltaMedian, double healthMedian, double peakHeapMb,
                       double heapGrowthMb) {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = Stream.of((args.length > 0 ? args[0] : "10000,100000").split(","))
                .map(s -> Integer.parseInt(s.trim().replace("_", ""))).toList();
        Path outDir = Path.of(args.length > 1 ? args[1] : "target/bench");
        Files.createDirectories(outDir);
        PrintStream out = System.out;
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "Client sync benchmark: %d CPUs, load average %.1f, max heap %.0f MB, Java %s, %s%n",
                rt.availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                rt.maxMemory() / MB, System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"));

        List<Row> rows = new ArrayList<>();
        for (int n : sizes) {
            rows.add(measure(n, out));
        }

        out.println();
        out.printf(Locale.ROOT, "%-10s %9s %12s %16s %12s %14s %13s %7s %13s %10s%n", "purchases", "records",
                "full sync s", "(min..max)", "client CPU s", "delta sync ms", "/v1/health ms", "ratio",
                "peak heap MB", "growth MB");
        List<String> csv = new ArrayList<>();
        csv.add("purchases,records,full_sync_median_s,full_sync_min_s,full_sync_max_s,full_sync_client_cpu_s,"
                + "records_per_s,delta_sync_median_ms,health_round_trip_median_ms,delta_over_health,peak_heap_mb,"
                + "heap_growth_mb");
        for (Row r : rows) {
            double ratio = r.deltaMedian() / r.healthMedian();
            out.printf(Locale.ROOT, "%-10d %9d %12.2f %16s %12.2f %14.2f %13.3f %6.1fx %13.0f %10.0f%n",
                    r.purchases(), r.records(), r.fullMedian(),
                    String.format(Locale.ROOT, "(%.2f..%.2f)", r.fullMin(), r.fullMax()), r.fullCpuMedian(),
                    r.deltaMedian() * 1000, r.healthMedian() * 1000, ratio, r.peakHeapMb(), r.heapGrowthMb());
            csv.add(String.format(Locale.ROOT, "%d,%d,%.3f,%.3f,%.3f,%.3f,%.0f,%.3f,%.4f,%.2f,%.1f,%.1f",
                    r.purchases(), r.records(), r.fullMedian(), r.fullMin(), r.fullMax(), r.fullCpuMedian(),
                    r.records() / r.fullMedian(), r.deltaMedian() * 1000, r.healthMedian() * 1000, ratio,
                    r.peakHeapMb(), r.heapGrowthMb()));
        }
        Path file = outDir.resolve("client-sync.csv");
        Files.write(file, csv);
        out.println("Written " + file.toAbsolutePath());
        // The sync engines' and stores' daemon threads are gone; exec:java may still wait on others.
        System.exit(0);
    }

    private static Row measure(int n, PrintStream out) throws Exception {
        Path work = Files.createTempDirectory("client-sync-bench-");
        try (SandboxProcess sandbox = SandboxProcess.start(n, work.resolve("sandbox.db"))) {
            out.printf(Locale.ROOT, "%n%,d purchases: sandbox ready in %.1f s at %s%n", n, sandbox.startSeconds(),
                    sandbox.baseUri());
            URI server = sandbox.baseUri();

            // Unmeasured warm-up: JIT, class loading, the sandbox's own caches.
            try (BenchClient warm = BenchClient.signIn(work.resolve("warm-up"), server)) {
                warm.syncOnce();
            }

            List<Double> full = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            double peak = 0;
            double growth = 0;
            long records = 0;
            BenchClient kept = null;
            for (int run = 1; run <= FULL_RUNS; run++) {
                BenchClient client = BenchClient.signIn(work.resolve("full-" + run), server);
                long baseline = settledHeap();
                HeapSampler sampler = HeapSampler.start();
                long cpuBefore = processCpuNanos();
                long t = System.nanoTime();
                client.syncOnce();
                double seconds = (System.nanoTime() - t) / 1e9;
                double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
                long max = sampler.stop();
                full.add(seconds);
                cpu.add(cpuSeconds);
                peak = Math.max(peak, max / MB);
                growth = Math.max(growth, (max - baseline) / MB);
                records = client.purchaseCount();
                if (records < n) {
                    throw new IllegalStateException("Full sync stored " + records + " purchases, expected " + n);
                }
                out.printf(Locale.ROOT, "  full sync %d: %.2f s (client CPU %.2f s), %d purchases stored, "
                        + "peak heap %.0f MB (+%.0f)%n", run, seconds, cpuSeconds, records, max / MB,
                        (max - baseline) / MB);
                if (run < FULL_RUNS) {
                    client.close();
                } else {
                    kept = client;
                }
            }

            List<Double> health = new ArrayList<>();
            for (int i = 0; i < 50 + HEALTH_RUNS; i++) {
                long t = System.nanoTime();
                sandbox.health();
                if (i >= 50) {
                    health.add((System.nanoTime() - t) / 1e9);
                }
            }

            List<Double> delta = new ArrayList<>();
            try (BenchClient client = kept) {
                for (int i = 0; i <= DELTA_RUNS; i++) {
                    long before = client.purchaseCount();
                    sandbox.addPurchase("Benchmark delta " + i);
                    long t = System.nanoTime();
                    client.syncOnce();
                    double seconds = (System.nanoTime() - t) / 1e9;
                    if (client.purchaseCount() != before + 1) {
                        throw new IllegalStateException("The delta sync did not bring the one new purchase");
                    }
                    if (i > 0) { // the first is a warm-up of this path
                        delta.add(seconds);
                    }
                }
            }
            out.printf(Locale.ROOT, "  delta sync (one new purchase): median %.2f ms of %d; /v1/health %.3f ms%n",
                    median(delta) * 1000, delta.size(), median(health) * 1000);
            return new Row(n, records, median(full), Collections.min(full), Collections.max(full), median(cpu),
                    median(delta), median(health), peak, growth);
        } finally {
            Jvm.deleteTree(work);
        }
    }

    /** Polls the heap in use every 10 ms on a daemon thread and keeps the highest value. */
    private static final class HeapSampler {

        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final Thread thread;
        private volatile boolean running = true;
        private volatile long max;

        private HeapSampler() {
            thread = new Thread(() -> {
                while (running) {
                    max = Math.max(max, memory.getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
        }

        static HeapSampler start() {
            HeapSampler sampler = new HeapSampler();
            sampler.max = sampler.memory.getHeapMemoryUsage().getUsed();
            sampler.thread.start();
            return sampler;
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return Math.max(max, memory.getHeapMemoryUsage().getUsed());
        }
    }

    /**
     * CPU time of this process, all threads: beside the wall-clock time it shows how much of
     * a slow run was this client's work and how much waiting (for the sandbox, or for a CPU on
     * a busy machine).
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The heap in use once garbage is collected: the baseline a pass grows from. */
    private static long settledHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double median(List<Double> values) {
        return Stats.median(values);
    }
}
