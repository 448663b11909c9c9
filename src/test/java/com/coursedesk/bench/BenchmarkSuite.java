package com.coursedesk.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The whole benchmark suite, one command (README, Performance):
 * {@code mvn -q -Pbench verify} (or run this class with the test class path and an output
 * folder). Every figure is a median over repeated runs, printed beside its floor measured in
 * the same run, and the ratio of the two, so that the figures mean the same on any machine.
 * Prints a table and writes it to {@code <out>/results.csv}.
 *
 * <ol>
 *   <li>Cached accounts: for 200, 10,000 and 100,000 purchases, a sandbox process seeded with
 *       them, the command line's {@code login} and {@code sync} into a data folder of its own,
 *       then the sandbox stops (the start-up runs offline).</li>
 *   <li>Start-up and memory (whole processes, under a private Xvfb display, software
 *       rendering): the app with {@code -Dcoursedesk.bench.openAccount} opens the cached
 *       account and reports when its purchase table is drawn with the rows, and its memory
 *       (com.coursedesk.app.BenchmarkProbe); the floor is {@link MinimalWindow}, started with
 *       the same JVM flags and class path: the installed app's launcher flags (read from
 *       {@code packaging/app-image.args}; SQLite's native library unpacked beforehand) and
 *       {@code -Dprism.order=sw}. Rounds
 *       alternate the four, so a busy moment of the machine falls on all of them.</li>
 *   <li>JMH: full sync and its floor ({@link FullSyncBenchmark}, {@link FullSyncFloorBenchmark}),
 *       delta sync and a health round trip ({@link DeltaSyncBenchmark}), search and filters
 *       and a plain scan ({@link SearchBenchmark}).</li>
 *   <li>A responsive window: the app signed in to a sandbox with 100,000 purchases and an
 *       empty local copy, so that its first sync is a 100,000-purchase full pass while the
 *       shell and the Purchases page are on screen; the probe reports the longest gap between
 *       two pulses of the FX thread from the page's first frame until one second after the
 *       table shows the synced history (building the page is start-up: reported apart).</li>
 * </ol>
 *
 * <p>Arguments: the output folder (default {@code target/bench}); {@code --quick} for fewer
 * repetitions (a smoke run, not for the README).
 */
public final class BenchmarkSuite {

    private static final String EMAIL = SandboxProcess.EMAIL;
    private static final int[] START_SIZES = {200, 10_000, 100_000};
    private static final int STALL_SIZE = 100_000;
    private static final double MB = 1024.0;

    private final Path out;
    private final Path work;
    private final boolean quick;
    private final PrintStream log = System.out;
    private final List<Row> rows = new ArrayList<>();
    private final Map<Integer, Path> dataDirs = new HashMap<>();
    private final Map<Integer, Path> sandboxFiles = new HashMap<>();
    private String display;
    private Path sqliteLibPath;
    private Process xvfb;

    /** One line of the table. */
    record Row(String figure, String size, String unit, double value, String floor, double floorValue,
               String target, String verdict, int runs) {

        double ratio() {
            return floorValue > 0 ? value / floorValue : Double.NaN;
        }
    }

    private BenchmarkSuite(Path out, boolean quick) throws IOException {
        this.out = out;
        this.quick = quick;
        Files.createDirectories(out);
        this.work = Files.createTempDirectory("coursedesk-bench-");
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of("target/bench");
        boolean quick = false;
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else {
                out = Path.of(arg);
            }
        }
        BenchmarkSuite suite = new BenchmarkSuite(out, quick);
        int status = 0;
        try {
            suite.run();
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        } finally {
            suite.cleanUp();
        }
        System.exit(status);
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        log.println(machine());
        prepareCachedAccounts();
        display = startDisplay();
        if (display == null) {
            log.println("No X display (no Xvfb, no DISPLAY): the window figures are skipped.");
        } else {
            startUpAndMemory();
        }
        jmh();
        if (display != null) {
            responsiveWindow();
        }
        printAndWrite(Duration.ofNanos(System.nanoTime() - started));
    }

    // ===== 1. cached accounts =====

    private void prepareCachedAccounts() throws Exception {
        for (int n : START_SIZES) {
            long t = System.nanoTime();
            Path sandboxFile = work.resolve("sandbox-" + n + ".db");
            Path dataDir = work.resolve("data-" + n);
            try (SandboxProcess sandbox = SandboxProcess.start(n, sandboxFile)) {
                login(sandbox, dataDir);
                cli("sync", "--data-dir", dataDir.toString());
            }
            sandboxFiles.put(n, sandboxFile);
            dataDirs.put(n, dataDir);
            log.printf(Locale.ROOT, "Cached account with %,d purchases ready in %.1f s%n", n, seconds(t));
        }
    }

    private void login(SandboxProcess sandbox, Path dataDir) throws Exception {
        cliWithInput(SandboxProcess.PASSWORD + "\n", "login", "--server", sandbox.baseUri().toString(), "--email", EMAIL,
                "--password-stdin", "--data-dir", dataDir.toString());
    }

    private void cli(String... args) throws Exception {
        cliWithInput(null, args);
    }

    /** Runs the command line ({@code com.coursedesk.Main COMMAND}) and fails unless it exits 0. */
    private void cliWithInput(String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Jvm.java(), "-cp", Jvm.classPath(), "com.coursedesk.Main"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("coursedesk " + args[0] + " failed:\n" + output);
        }
    }

    // ===== 2. start-up and memory =====

    /** A window process's report (BenchmarkProbe, MinimalWindow). */
    private record Report(Map<String, String> values) {

        double get(String key) {
            String v = values.get(key);
            return v == null ? Double.NaN : Double.parseDouble(v);
        }
    }

    private void startUpAndMemory() throws Exception {
        sqliteLibPath = unpackSqliteLibrary();
        int rounds = quick ? 2 : 5;
        Map<String, List<Report>> reports = new LinkedHashMap<>();
        // An unmeasured round: the OS file cache holds the class path and the stores, as on a
        // computer that has started the app before (a cold JVM, not a cold disk).
        for (int round = 0; round <= rounds; round++) {
            reportInto(reports, round, "minimal", window(List.of("com.coursedesk.bench.MinimalWindow"), List.of()));
            for (int n : START_SIZES) {
                reportInto(reports, round, String.valueOf(n), window(List.of("com.coursedesk.Main", "--data-dir",
                        dataDirs.get(n).toString()), List.of("-Dcoursedesk.bench.openAccount=" + EMAIL)));
            }
            log.printf(Locale.ROOT, "Start-up round %d of %d done%n", round, rounds);
        }
        List<Report> floor = reports.get("minimal");
        double floorMs = median(floor, "shownMillis");
        for (int n : START_SIZES) {
            List<Report> runs = reports.get(String.valueOf(n));
            checkRows(runs, n);
            double ms = median(runs, "shownMillis");
            boolean targeted = n == 10_000;
            rows.add(new Row("cold start to the purchase table drawn, offline", String.format(Locale.ROOT, "%,d", n),
                    "ms", ms, "minimal JavaFX window", floorMs, targeted ? "<= 1.5x the floor" : "",
                    targeted ? verdict(ms / floorMs <= 1.5) : "", runs.size()));
        }
        // Both cores work at start-up: the CPU time of every thread (JIT and GC included) by the
        // moment measured says how much of the ratio is work and how much waiting.
        List<Report> tenThousand = reports.get("10000");
        double cpu = median(tenThousand, "cpuMillis");
        double floorCpu = median(floor, "cpuMillis");
        rows.add(new Row("CPU time (all threads) until the table is drawn, offline", "10,000", "ms", cpu,
                "minimal JavaFX window", floorCpu, "", "", tenThousand.size()));
        List<Report> big = reports.get(String.valueOf(STALL_SIZE));
        rows.add(new Row("peak resident memory (VmHWM), 100,000 purchases open", "100,000", "MB",
                median(big, "VmHWMKb") / MB, "minimal JavaFX window", median(floor, "VmHWMKb") / MB, "<= 300 MB",
                verdict(median(big, "VmHWMKb") / MB <= 300), big.size()));
        rows.add(new Row("resident memory (VmRSS) 1 s after shown, 100,000 purchases open", "100,000", "MB",
                median(big, "VmRSSKb") / MB, "minimal JavaFX window", median(floor, "VmRSSKb") / MB, "", "",
                big.size()));
        rows.add(new Row("peak heap in use, 100,000 purchases open", "100,000", "MB", median(big, "heapPeakKb") / MB,
                "minimal JavaFX window", median(floor, "heapPeakKb") / MB, "", "", big.size()));
        rows.add(new Row("heap in use 1 s after shown, 100,000 purchases open", "100,000", "MB",
                median(big, "heapUsedKb") / MB, "minimal JavaFX window", median(floor, "heapUsedKb") / MB, "", "",
                big.size()));
    }

    /**
     * SQLite's native library unpacked once, for {@code -Dorg.sqlite.lib.path}: the installed
     * app's launcher has it so (packaging/app-image.args); without it sqlite-jdbc compares and
     * unpacks its library into the temporary folder on every start. Null if not found.
     */
    private Path unpackSqliteLibrary() throws IOException {
        String name = System.mapLibraryName("sqlitejdbc");
        String resource = "org/sqlite/native/" + org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS() + "/"
                + name;
        try (var in = BenchmarkSuite.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Path dir = Files.createDirectories(work.resolve("sqlite-native"));
            Files.copy(in, dir.resolve(name));
            return dir;
        }
    }

    /**
     * The JVM options of the installed app's launcher ({@code packaging/app-image.args}), so a
     * window here starts as the installed app does, and the floor the same way. Options naming
     * the image's own folder are left out (the SQLite library is handled above).
     */
    static List<String> launcherJavaOptions() throws IOException {
        Path args = Path.of("packaging", "app-image.args");
        if (!Files.exists(args)) {
            throw new IOException("Run the suite from the project folder: " + args.toAbsolutePath() + " not found");
        }
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(args, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--java-options ") && !trimmed.contains("$APPDIR")) {
                options.add(trimmed.substring("--java-options ".length()).strip());
            }
        }
        return options;
    }

    private static void reportInto(Map<String, List<Report>> reports, int round, String key, Report report) {
        if (round > 0) {
            reports.computeIfAbsent(key, k -> new ArrayList<>()).add(report);
        }
    }

    private static void checkRows(List<Report> runs, int expected) {
        for (Report r : runs) {
            if (r.get("rows") < expected) {
                throw new IllegalStateException("The table showed " + r.values().get("rows") + " rows, expected "
                        + expected);
            }
        }
    }

    /**
     * Starts one window process under the private display with the flags every window gets
     * (the app's launcher heap limit, software rendering), waits for it to exit, and reads
     * its report.
     */
    private Report window(List<String> mainAndArgs, List<String> extraFlags) throws Exception {
        Path reportFile = Files.createTempFile(work, "report-", ".properties");
        Files.delete(reportFile);
        List<String> command = new ArrayList<>(List.of(Jvm.java()));
        command.addAll(launcherJavaOptions());
        command.addAll(List.of("-Dprism.order=sw", "-Dcoursedesk.bench.report=" + reportFile));
        if (sqliteLibPath != null) {
            command.add("-Dorg.sqlite.lib.path=" + sqliteLibPath);
        }
        command.addAll(extraFlags);
        command.add("-cp");
        command.add(windowClassPath());
        command.addAll(mainAndArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DISPLAY", display);
        Process p = builder.start();
        StringBuilder output = new StringBuilder();
        Jvm.drain(new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)), "window-output",
                line -> {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                });
        if (!p.waitFor(6, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("The window did not exit: " + command);
        }
        if (!Files.exists(reportFile)) {
            synchronized (output) {
                throw new IOException("The window wrote no report (exit " + p.exitValue() + "): " + command + "\n"
                        + output);
            }
        }
        Properties props = new Properties();
        try (var reader = Files.newBufferedReader(reportFile)) {
            props.load(reader);
        }
        Map<String, String> values = new LinkedHashMap<>();
        props.stringPropertyNames().forEach(k -> values.put(k, props.getProperty(k)));
        return new Report(values);
    }

    /**
     * The class path of every window, the app's and the floor's alike: the shipped jar, whose
     * manifest names the jars of its lib folder as the installed app has them (the build strips
     * a start-up cost from one of them, pom.xml), and the test classes for the floor. Without
     * the {@code coursedesk.bench.appJar} and {@code coursedesk.bench.testClasses} properties
     * (a run by hand), the suite's own class path.
     */
    private static String windowClassPath() throws IOException {
        String appJar = System.getProperty("coursedesk.bench.appJar");
        String testClasses = System.getProperty("coursedesk.bench.testClasses");
        if (appJar == null || testClasses == null) {
            return Jvm.classPath();
        }
        if (!Files.isRegularFile(Path.of(appJar))) {
            throw new IOException(appJar + " not found: the bench profile runs after `package`");
        }
        return appJar + java.io.File.pathSeparator + testClasses;
    }

    // ===== 3. JMH =====

    private void jmh() throws Exception {
        Path jmhLog = out.resolve("jmh.log");
        log.println("JMH benchmarks (their own output: " + jmhLog + ") ...");
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(FullSyncBenchmark.class.getName())
                .include(FullSyncFloorBenchmark.class.getName())
                .include(DeltaSyncBenchmark.class.getName())
                .include(SearchBenchmark.class.getName())
                .shouldFailOnError(true)
                .output(jmhLog.toString())
                .jvmArgsAppend("-Dcoursedesk.bench.dataDir=" + dataDirs.get(100_000));
        if (quick) {
            options.warmupIterations(1).measurementIterations(3);
        }
        Collection<RunResult> results = new Runner(options.build()).run();

        Map<String, Statistics> stats = new HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            String size = r.getParams().getParamsKeys().contains("purchases") ? r.getParams().getParam("purchases") : "";
            Result<?> primary = r.getPrimaryResult();
            stats.put(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1) + size,
                    primary.getStatistics());
        }
        for (String n : List.of("10000", "100000")) {
            Statistics sync = stats.get("FullSyncBenchmark.fullSync" + n);
            Statistics floor = stats.get("FullSyncFloorBenchmark.parseAndInsert" + n);
            double ratio = sync.getPercentile(50) / floor.getPercentile(50);
            rows.add(new Row("full sync into a fresh store, sandbox on loopback", String.format(Locale.ROOT, "%,d",
                    Integer.parseInt(n)), "ms", sync.getPercentile(50), "Gson parse + one batch insert, no indexes",
                    floor.getPercentile(50), "<= 2x the floor", verdict(ratio <= 2), (int) sync.getN()));
        }
        Statistics delta = stats.get("DeltaSyncBenchmark.deltaSync");
        Statistics health = stats.get("DeltaSyncBenchmark.healthRoundTrip");
        rows.add(new Row("delta sync with one change (store of 100,000)", "1", "ms", delta.getPercentile(50),
                "one /v1/health round trip", health.getPercentile(50), "<= 3x the floor",
                verdict(delta.getPercentile(50) / health.getPercentile(50) <= 3), (int) delta.getN()));
        Statistics search = stats.get("SearchBenchmark.service");
        Statistics scan = stats.get("SearchBenchmark.plainScan");
        rows.add(new Row("search and filter over 100,000, p50", "100,000", "ms", search.getPercentile(50),
                "plain in-memory scan, p50", scan.getPercentile(50), "", "", (int) search.getN()));
        rows.add(new Row("search and filter over 100,000, p95", "100,000", "ms", search.getPercentile(95),
                "plain in-memory scan, p95", scan.getPercentile(95), "p95 <= 50 ms",
                verdict(search.getPercentile(95) <= 50), (int) search.getN()));
    }

    // ===== 4. a responsive window during a 100,000-purchase sync =====

    private void responsiveWindow() throws Exception {
        int runs = quick ? 1 : 3;
        List<Report> reports = new ArrayList<>();
        try (SandboxProcess sandbox = SandboxProcess.start(STALL_SIZE, sandboxFiles.get(STALL_SIZE))) {
            for (int run = 1; run <= runs; run++) {
                Path dataDir = work.resolve("stall-" + run);
                login(sandbox, dataDir);
                Report r = window(List.of("com.coursedesk.Main", "--data-dir", dataDir.toString()),
                        List.of("-Dcoursedesk.bench.openAccount=" + EMAIL, "-Dcoursedesk.bench.exitWhen=synced"));
                if (r.get("rows") < STALL_SIZE) {
                    throw new IllegalStateException("After the sync the table showed " + r.values().get("rows"));
                }
                reports.add(r);
                log.printf(Locale.ROOT, "Sync in the window %d of %d: longest pulse gap %.1f ms, %s gaps over 50 ms%n",
                        run, runs, r.get("maxPulseGapMicros") / 1000, r.values().get("pulseGapsOver50ms"));
                Jvm.deleteTree(dataDir);
            }
        }
        double stall = median(reports, "maxPulseGapMicros") / 1000;
        rows.add(new Row("longest FX-thread stall during a 100,000-purchase sync", "100,000", "ms", stall,
                "one frame at 60 Hz", 1000.0 / 60, "<= 50 ms", verdict(stall <= 50), reports.size()));
        rows.add(new Row("first frame of the signed-in window (start-up, not in the stall)", "100,000", "ms",
                median(reports, "firstFrameMillis"), "one frame at 60 Hz", 1000.0 / 60, "", "", reports.size()));
        rows.add(new Row("peak resident memory (VmHWM) after syncing 100,000 in the window", "100,000", "MB",
                median(reports, "VmHWMKb") / MB, "", Double.NaN, "", "", reports.size()));
    }

    // ===== the table =====

    private void printAndWrite(Duration took) throws IOException {
        List<String> csv = new ArrayList<>();
        csv.add("figure,purchases,unit,median,floor,floor_median,ratio,target,verdict,runs");
        log.println();
        log.printf(Locale.ROOT, "%-66s %9s %11s  %-42s %11s %8s  %-18s %s%n", "figure", "purchases", "median",
                "floor (same run)", "floor", "ratio", "target", "");
        for (Row r : rows) {
            boolean floor = !Double.isNaN(r.floorValue());
            log.printf(Locale.ROOT, "%-66s %9s %8.1f %-2s  %-42s %8s %-2s %8s  %-18s %s%n", r.figure(), r.size(),
                    r.value(), r.unit(), r.floor(), floor ? String.format(Locale.ROOT, "%.1f", r.floorValue()) : "",
                    floor ? r.unit() : "", floor ? String.format(Locale.ROOT, "%.1fx", r.ratio()) : "", r.target(),
                    r.verdict());
            csv.add(String.join(",", quote(r.figure()), quote(r.size()), r.unit(), fmt(r.value()), quote(r.floor()),
                    fmt(r.floorValue()), fmt(r.ratio()), quote(r.target()), r.verdict(), String.valueOf(r.runs())));
        }
        Path file = out.resolve("results.csv");
        Files.write(file, csv, StandardCharsets.UTF_8);
        log.printf(Locale.ROOT, "%nWritten %s (the whole suite took %d min %d s)%n", file.toAbsolutePath(),
                took.toMinutes(), took.toSecondsPart());
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static double median(List<Report> reports, String key) {
        return Stats.median(reports.stream().map(r -> r.get(key)).toList());
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String machine() {
        Runtime rt = Runtime.getRuntime();
        String cpu = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("");
        } catch (IOException | RuntimeException e) {
            // not Linux: the OS name says enough
        }
        return String.format(Locale.ROOT, "CourseDesk benchmarks: %d CPUs %s, load average %.1f, Java %s, %s %s",
                rt.availableProcessors(), cpu, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    // ===== the display and cleaning up =====

    /** A private Xvfb display when Xvfb is installed (same conditions every run), else $DISPLAY. */
    private String startDisplay() throws IOException, InterruptedException {
        for (int n = 91; n < 140; n++) {
            if (Files.exists(Path.of("/tmp/.X" + n + "-lock")) || Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                continue;
            }
            Process p;
            try {
                p = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1920x1080x24", "-nolisten", "tcp")
                        .redirectErrorStream(true).redirectOutput(work.resolve("xvfb.log").toFile()).start();
            } catch (IOException noXvfb) {
                break;
            }
            for (int i = 0; i < 100 && p.isAlive(); i++) {
                if (Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                    xvfb = p;
                    return ":" + n;
                }
                Thread.sleep(50);
            }
            p.destroy();
        }
        String env = System.getenv("DISPLAY");
        return env == null || env.isBlank() ? null : env;
    }

    private void cleanUp() {
        if (xvfb != null) {
            xvfb.destroy();
        }
        try {
            Jvm.deleteTree(work);
        } catch (IOException e) {
            log.println("Could not delete " + work + ": " + e.getMessage());
        }
    }
}
