package com.coursedesk.app;

import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.service.sync.SyncStatus;
import com.coursedesk.ui.common.UiThread;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Hidden start-up options for the benchmark suite ({@code com.coursedesk.bench.BenchmarkSuite},
 * README, Performance). Inert unless both of these system properties are set:
 * <ul>
 *   <li>{@code coursedesk.bench.openAccount=EMAIL}: the window opens that known account from
 *       its local copy at launch (offline if the server cannot be reached), as it reopens the
 *       account that was open when it last closed ({@link AccountAtLaunch});</li>
 *   <li>{@code coursedesk.bench.report=FILE}: where to write what was measured, as
 *       {@code key=value} lines, before the app exits by itself.</li>
 * </ul>
 * and {@code coursedesk.bench.exitWhen} says when to measure and leave: {@code shown}
 * (default) once the purchase table is drawn with its rows, reporting the time since the JVM
 * started; {@code synced} once the first sync pass has ended and the table shows its result,
 * reporting the longest gap between two pulses of the FX thread from the page's first frame
 * on (an {@link AnimationTimer} keeps a pulse requested every frame, so a gap is time the
 * thread was busy or starved) and, apart, how long the first frame took. Both report, one
 * second later, the process's peak and current resident memory and its heap.
 */
final class BenchmarkProbe {

    /** After the moment measured, the window settles this long before memory is read. */
    private static final long SETTLE_MILLIS = 1000;
    private static final long TIMEOUT_MILLIS = 5 * 60 * 1000;

    private final String email;
    private final Path report;
    private final boolean untilSynced;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<Long> gapsNanos = new ArrayList<>();
    private final List<Long> gapEnds = new ArrayList<>();
    private long firstPulse;
    private AnimationTimer pulses;
    private long lastPulse;
    private boolean waitingForReload;
    private boolean reloadedAfterSync;
    private boolean laidOut;
    private boolean finished;
    private TableView<?> table;
    private long accountShownAt;
    private boolean pulsesStarted;

    // Not a static field: the launcher's main thread reads the options before the toolkit
    // starts, and making a logger there would wait for Logback's set-up on the warm-up thread.
    private static Logger log() {
        return LoggerFactory.getLogger(BenchmarkProbe.class);
    }

    private BenchmarkProbe(String email, Path report, boolean untilSynced) {
        this.email = email;
        this.report = report;
        this.untilSynced = untilSynced;
    }

    /** The probe the system properties ask for, if any. */
    static Optional<BenchmarkProbe> fromSystemProperties() {
        String email = System.getProperty("coursedesk.bench.openAccount");
        String report = System.getProperty("coursedesk.bench.report");
        if (email == null || email.isBlank() || report == null || report.isBlank()) {
            return Optional.empty();
        }
        boolean synced = "synced".equals(System.getProperty("coursedesk.bench.exitWhen", "shown"));
        return Optional.of(new BenchmarkProbe(email.strip(), Path.of(report), synced));
    }

    /**
     * The email of the account to open at launch instead of the remembered one
     * ({@link AccountAtLaunch}), when both properties are set.
     */
    static Optional<String> openAccountEmail() {
        return fromSystemProperties().map(probe -> probe.email);
    }

    /**
     * Starts the time-out and returns what watches the window once the launch's account is
     * shown ({@link Navigator#openAtLaunch}). Call on the FX thread from start().
     */
    Consumer<AccountSession> watcher(Scene scene, UiThread ui) {
        log().info("Benchmark start-up: opening {} and reporting to {}", email, report);
        startTimeout();
        return session -> watch(scene, session, ui);
    }

    /** CPU time of the whole process so far, every thread (the JIT's and the GC's too). */
    static long processCpuMillis() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000 : -1;
    }

    private static void startTimeout() {
        Thread timeout = new Thread(() -> {
            try {
                Thread.sleep(TIMEOUT_MILLIS);
                log().error("Benchmark start-up timed out");
                Runtime.getRuntime().halt(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "benchmark-timeout");
        timeout.setDaemon(true);
        timeout.start();
    }

    private void watch(Scene scene, AccountSession session, UiThread ui) {
        if (untilSynced) {
            AtomicBoolean sawSyncing = new AtomicBoolean();
            session.sync().addListener(status -> {
                if (status instanceof SyncStatus.Syncing) {
                    sawSyncing.set(true);
                } else if (sawSyncing.get()) {
                    ui.execute(() -> syncEnded(scene, ui));
                }
            });
            // Started once the page has been laid out the first time (onPulse), measuring from its
            // first frame: building the page is start-up, reported apart as firstFrameMillis.
            pulses = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (lastPulse != 0) {
                        gapsNanos.add(now - lastPulse);
                        gapEnds.add(now);
                    } else {
                        // The page's first frame is drawn: building it was start-up.
                        firstPulse = now;
                        values.put("firstFrameMillis", String.valueOf((System.nanoTime() - accountShownAt) / 1_000_000));
                    }
                    lastPulse = now;
                }
            };
        }
        accountShownAt = System.nanoTime();
        scene.addPostLayoutPulseListener(() -> onPulse(scene));
        Platform.requestNextPulse();
    }

    /** The pass has ended: from now on, wait for the reload it causes to reach the table. */
    private void syncEnded(Scene scene, UiThread ui) {
        TableView<?> table = table(scene);
        if (table == null) {
            // Not on screen yet: tried again after what is queued.
            ui.execute(() -> syncEnded(scene, ui));
            return;
        }
        if (!waitingForReload && !reloadedAfterSync) {
            waitingForReload = true;
            table.getItems().addListener((ListChangeListener<Object>) change -> reloadedAfterSync = true);
        }
    }

    /** After CSS and layout of each pulse: does the table show what is measured? */
    private void onPulse(Scene scene) {
        if (finished) {
            return;
        }
        TableView<?> table = table(scene);
        if (table != null && pulses != null && !pulsesStarted) {
            pulsesStarted = true;
            pulses.start();
        }
        boolean ready = table != null && !table.getItems().isEmpty() && (!untilSynced || reloadedAfterSync);
        if (!ready) {
            Platform.requestNextPulse();
            return;
        }
        if (!laidOut) {
            // This pulse has laid the rows out and its frame is drawn after it: measure at the next.
            laidOut = true;
            Platform.requestNextPulse();
            return;
        }
        finished = true;
        long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        values.put("rows", String.valueOf(table.getItems().size()));
        values.put("shownMillis", String.valueOf(sinceJvmStart));
        values.put("cpuMillis", String.valueOf(processCpuMillis()));
        values.put("threadCpuMillis", ThreadCpuTimes.byThreadName());
        values.put("sceneNodes", sceneNodes(scene.getRoot()));
        PauseTransition settle = new PauseTransition(Duration.millis(SETTLE_MILLIS));
        settle.setOnFinished(e -> finish());
        settle.play();
    }

    /**
     * How many nodes the scene holds, and the hidden subtrees among them (CSS styles and lays
     * out hidden nodes too): "total (hidden: Type#id=size, ...)".
     */
    private static String sceneNodes(Parent root) {
        StringBuilder hidden = new StringBuilder();
        int total = countNodes(root, hidden);
        return total + " (hidden:" + hidden + ")";
    }

    private static int countNodes(Node node, StringBuilder hidden) {
        int size = 1;
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                size += node.isVisible() ? countNodes(child, hidden) : countNodes(child, new StringBuilder());
            }
        }
        if (!node.isVisible()) {
            hidden.append(' ').append(node.getClass().getSimpleName())
                    .append(node.getId() == null ? "" : "#" + node.getId()).append('=').append(size);
            if (node.getId() == null) {
                Node owner = node.getParent();
                while (owner != null && owner.getId() == null) {
                    owner = owner.getParent();
                }
                hidden.append(" in ").append(owner == null ? "?" : owner.getId());
            }
        }
        return size;
    }

    /** The purchase table, once on screen (looked up until found: a lookup walks the whole scene). */
    private TableView<?> table(Scene scene) {
        if (table == null && scene.lookup("#table") instanceof TableView<?> found) {
            table = found;
        }
        return table;
    }

    private void finish() {
        if (pulses != null) {
            pulses.stop();
            long max = gapsNanos.stream().mapToLong(Long::longValue).max().orElse(0);
            values.put("pulses", String.valueOf(gapsNanos.size() + 1));
            values.put("maxPulseGapMicros", String.valueOf(max / 1000));
            values.put("pulseGapsOver50ms", String.valueOf(gapsNanos.stream().filter(g -> g > 50_000_000L).count()));
            // Where the longest gaps were: "gap ms @ ms after the first pulse", longest first.
            StringBuilder longest = new StringBuilder();
            java.util.stream.IntStream.range(0, gapsNanos.size()).boxed()
                    .sorted((a, b) -> Long.compare(gapsNanos.get(b), gapsNanos.get(a))).limit(5)
                    .forEach(i -> longest.append(longest.length() == 0 ? "" : " ")
                            .append(gapsNanos.get(i) / 1_000_000).append('@')
                            .append((gapEnds.get(i) - firstPulse) / 1_000_000));
            values.put("longestGaps", longest.toString());
        }
        values.putAll(memory());
        StringBuilder text = new StringBuilder();
        values.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        try {
            Files.writeString(report, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            log().error("Cannot write the benchmark report {}", report, e);
        }
        log().info("Benchmark start-up measured: {}", values);
        Platform.exit();
    }

    /** Resident memory (peak and now, from /proc on Linux) and the heap (peak and now), in KiB. */
    static Map<String, String> memory() {
        Map<String, String> m = new LinkedHashMap<>();
        Path status = Path.of("/proc/self/status");
        if (Files.isReadable(status)) {
            try {
                for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
                    if (line.startsWith("VmHWM:") || line.startsWith("VmRSS:")) {
                        m.put(line.substring(0, 5) + "Kb", line.substring(6).replace("kB", "").strip());
                    }
                }
            } catch (IOException e) {
                log().debug("Cannot read {}", status, e);
            }
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        m.put("heapPeakKb", String.valueOf(peak / 1024));
        m.put("heapUsedKb", String.valueOf(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024));
        return m;
    }
}
