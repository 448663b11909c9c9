package com.coursedesk.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The process's CPU time split by thread, for the start-up benchmark's report (the app's probe
 * and the minimal window both call it, right after they have measured). No logging and no app
 * classes, so calling it from the floor loads nothing of the app's.
 */
public final class ThreadCpuTimes {

    /** Linux's clock ticks per second (USER_HZ), 100 on every kernel the app runs on. */
    private static final int MILLIS_PER_TICK = 10;

    private ThreadCpuTimes() {
    }

    /**
     * Where the CPU time went, by thread name (the JIT's and the GC's threads too, which no
     * Java API lists), largest first: "name:ms" pairs read from /proc on Linux, else empty.
     */
    public static String byThreadName() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return "";
        }
        Map<String, Long> byName = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(tasks)) {
            for (Path task : list.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
                    // "pid (comm) state ...": utime and stime are the 12th and 13th fields after comm.
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).strip();
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    byName.merge(name.replaceAll("#?\\d+$", "").strip(), ticks * MILLIS_PER_TICK, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // The thread has ended meanwhile.
                }
            }
        } catch (IOException e) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        byName.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> out.append(out.length() == 0 ? "" : ", ").append(e.getKey()).append(':').append(e.getValue()));
        return out.toString();
    }
}
