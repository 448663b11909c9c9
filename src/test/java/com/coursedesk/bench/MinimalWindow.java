package com.coursedesk.bench;

import com.coursedesk.app.ThreadCpuTimes;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.animation.PauseTransition;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor of the start-up figures: a minimal JavaFX window (one label), started like the
 * app (same JVM flags, same class path, a main class that does not extend Application). It
 * reports as {@code com.coursedesk.app.BenchmarkProbe} does: the time from JVM start to the
 * frame after the first one laid out, then, after the same settling second, its memory; to
 * the file named by {@code -Dcoursedesk.bench.report}.
 */
public final class MinimalWindow {

    private MinimalWindow() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The window itself. */
    public static final class App extends Application {

        private int pulsesAfterShown;
        private boolean done;

        @Override
        public void start(Stage stage) {
            Scene scene = new Scene(new StackPane(new Label("CourseDesk")), 1180, 760);
            stage.setScene(scene);
            stage.setTitle("Minimal window");
            scene.addPostLayoutPulseListener(() -> {
                if (done || !stage.isShowing()) {
                    return;
                }
                // The first pulse lays the window out and draws it; measure at the next one.
                if (++pulsesAfterShown < 2) {
                    Platform.requestNextPulse();
                    return;
                }
                done = true;
                long shown = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                long cpu = ManagementFactory.getOperatingSystemMXBean()
                        instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() / 1_000_000 : -1;
                String threads = ThreadCpuTimes.byThreadName();
                PauseTransition settle = new PauseTransition(Duration.millis(1000));
                settle.setOnFinished(e -> report(shown, cpu, threads));
                settle.play();
            });
            stage.show();
            Platform.requestNextPulse();
        }

        private static void report(long shownMillis, long cpuMillis, String threadCpu) {
            StringBuilder text = new StringBuilder("rows=0\nshownMillis=" + shownMillis + "\ncpuMillis=" + cpuMillis
                    + "\nthreadCpuMillis=" + threadCpu + "\n");
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
                    if (line.startsWith("VmHWM:") || line.startsWith("VmRSS:")) {
                        text.append(line, 0, 5).append("Kb=")
                                .append(line.substring(6).replace("kB", "").strip()).append('\n');
                    }
                }
                long peak = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                        peak += pool.getPeakUsage().getUsed();
                    }
                }
                text.append("heapPeakKb=").append(peak / 1024).append('\n');
                text.append("heapUsedKb=")
                        .append(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024).append('\n');
                Files.writeString(Path.of(System.getProperty("coursedesk.bench.report")), text,
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Platform.exit();
        }
    }
}
