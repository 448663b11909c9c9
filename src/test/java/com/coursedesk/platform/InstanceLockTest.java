package com.coursedesk.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondAcquisitionInTheSameProcessIsRefusedUntilTheFirstIsClosed() throws Exception {
        Path lockFile = dir.resolve("data/coursedesk.lock");
        InstanceLock.Result first = InstanceLock.tryAcquire(lockFile);
        assertThat(first).isInstanceOf(InstanceLock.Acquired.class);
        InstanceLock lock = ((InstanceLock.Acquired) first).lock();
        assertThat(lock.isHeld()).isTrue();

        InstanceLock.Result second = InstanceLock.tryAcquire(lockFile);
        assertThat(second).isInstanceOf(InstanceLock.HeldElsewhere.class);
        assertThat(((InstanceLock.HeldElsewhere) second).lockFile()).isEqualTo(lockFile);
        // The refused attempt must not have released the real lock: another process still fails.
        assertThat(runProbe(lockFile)).isEqualTo("HELD pid " + ProcessHandle.current().pid());

        lock.close();
        assertThat(lock.isHeld()).isFalse();
        InstanceLock.Result third = InstanceLock.tryAcquire(lockFile);
        assertThat(third).isInstanceOf(InstanceLock.Acquired.class);
        ((InstanceLock.Acquired) third).lock().close();
    }

    @Test
    void anotherProcessCannotTakeTheLockWhileWeHoldIt() throws Exception {
        Path lockFile = dir.resolve("coursedesk.lock");
        try (InstanceLock lock = ((InstanceLock.Acquired) InstanceLock.tryAcquire(lockFile)).lock()) {
            // Reading the lock file here would drop our lock (POSIX closes all of a process's
            // locks on a file with any of its descriptors): the other process reads it for us.
            Process other = startProbe(lockFile, false);
            assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(other.exitValue()).isEqualTo(3);
            assertThat(firstLine(other)).isEqualTo("HELD pid " + ProcessHandle.current().pid());
            assertThat(lock.isHeld()).isTrue();
        }
        assertThat(Files.readString(lockFile)).isEqualTo("pid " + ProcessHandle.current().pid() + "\n");
        Process after = startProbe(lockFile, false);
        assertThat(after.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(firstLine(after)).isEqualTo("ACQUIRED");
        assertThat(after.exitValue()).isZero();
    }

    @Test
    void weCannotTakeTheLockWhileAnotherProcessHoldsItAndCanOnceItExits() throws Exception {
        Path lockFile = dir.resolve("coursedesk.lock");
        Process holder = startProbe(lockFile, true);
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("ACQUIRED");

            InstanceLock.Result refused = InstanceLock.tryAcquire(lockFile);
            assertThat(refused).isInstanceOf(InstanceLock.HeldElsewhere.class);
            assertThat(((InstanceLock.HeldElsewhere) refused).holder()).isEqualTo("pid " + holder.pid());

            holder.getOutputStream().close();
            assertThat(holder.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            holder.destroyForcibly();
        }
        InstanceLock.Result acquired = InstanceLock.tryAcquire(lockFile);
        assertThat(acquired).isInstanceOf(InstanceLock.Acquired.class);
        ((InstanceLock.Acquired) acquired).lock().close();
    }

    @Test
    void aLockFileThatCannotBeCreatedIsReportedAsUnavailable() throws IOException {
        Path notADirectory = dir.resolve("file");
        Files.writeString(notADirectory, "x");
        InstanceLock.Result result = InstanceLock.tryAcquire(notADirectory.resolve("coursedesk.lock"));
        assertThat(result).isInstanceOf(InstanceLock.Unavailable.class);
        assertThat(((InstanceLock.Unavailable) result).cause()).isNotNull();
    }

    private static Process startProbe(Path lockFile, boolean hold) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = hold
                ? List.of(java, "-cp", System.getProperty("java.class.path"), InstanceLockProbe.class.getName(),
                        lockFile.toString(), "hold")
                : List.of(java, "-cp", System.getProperty("java.class.path"), InstanceLockProbe.class.getName(),
                        lockFile.toString());
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static String runProbe(Path lockFile) throws Exception {
        Process probe = startProbe(lockFile, false);
        String line = firstLine(probe);
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return line;
    }

    private static String firstLine(Process process) throws IOException {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            return out.readLine();
        }
    }
}
