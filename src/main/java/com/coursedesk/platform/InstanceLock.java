package com.coursedesk.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a second copy of CourseDesk from using the same data directory: two processes
 * writing one SQLite store and one token store would race each other.
 *
 * <p>The lock is an operating-system file lock on {@code <dataDir>/coursedesk.lock}, held for
 * the life of the app. The OS releases it when the process ends, even after a crash, so a
 * stale lock file never blocks the next start; the file itself is left in place because
 * deleting it would let a third process lock a different inode. Nothing else in this process
 * may open the lock file: on POSIX systems closing any descriptor of it drops the lock.
 */
public final class InstanceLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceLock.class);

    /** What {@link #tryAcquire(Path)} found. */
    public sealed interface Result permits Acquired, HeldElsewhere, Unavailable {
    }

    /** This process now holds the lock; close it when the app exits. */
    public record Acquired(InstanceLock lock) implements Result {
    }

    /**
     * Another CourseDesk (another process, or another lock in this one) holds the lock.
     *
     * @param holder what the holder wrote into the lock file (for example {@code "pid 4242"}),
     *               or {@code "unknown"} where the OS does not let us read a locked file
     */
    public record HeldElsewhere(Path lockFile, String holder) implements Result {
    }

    /** The lock file could not be created or locked at all (read-only disk, no permission). */
    public record Unavailable(Path lockFile, IOException cause) implements Result {
    }

    // Lock files held by this JVM. POSIX releases all of a process's locks on a file when
    // any descriptor of that file is closed, so a second attempt from this JVM must not even
    // open the file: it would drop the lock we hold. This is a fact about the process, hence
    // process-wide state.
    private static final Set<Path> HELD_BY_THIS_PROCESS = ConcurrentHashMap.newKeySet();

    private final Path lockFile;
    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(Path lockFile, Path key, FileChannel channel, FileLock lock) {
        this.lockFile = lockFile;
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /** Tries once, without waiting, to take the lock on {@code lockFile}. */
    public static Result tryAcquire(Path lockFile) {
        Objects.requireNonNull(lockFile, "lockFile");
        FileChannel channel = null;
        Path key = null;
        try {
            Path absolute = lockFile.toAbsolutePath().normalize();
            Path parent = absolute.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
                key = parent.toRealPath().resolve(absolute.getFileName());
            } else {
                key = absolute;
            }
            if (!HELD_BY_THIS_PROCESS.add(key)) {
                key = null;
                String holder = "pid " + ProcessHandle.current().pid();
                LOG.info("Data directory is already in use by this process: {}", lockFile);
                return new HeldElsewhere(lockFile, holder);
            }
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldThroughAnotherPath) {
                lock = null;
            }
            if (lock == null) {
                String holder = readHolder(channel);
                channel.close();
                HELD_BY_THIS_PROCESS.remove(key);
                LOG.info("Data directory is in use by another CourseDesk ({}): {}", holder, lockFile);
                return new HeldElsewhere(lockFile, holder);
            }
            writeHolder(channel);
            LOG.debug("Instance lock acquired: {}", lockFile);
            return new Acquired(new InstanceLock(lockFile, key, channel, lock));
        } catch (IOException e) {
            closeQuietly(channel);
            if (key != null) {
                HELD_BY_THIS_PROCESS.remove(key);
            }
            LOG.warn("Cannot lock {}", lockFile, e);
            return new Unavailable(lockFile, e);
        }
    }

    private static void writeHolder(FileChannel channel) throws IOException {
        // Only for people and logs: tells them which process holds the data directory.
        byte[] text = ("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text), 0);
        channel.force(false);
    }

    private static String readHolder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(64);
            int read = channel.read(buffer, 0);
            if (read <= 0) {
                return "unknown";
            }
            return new String(buffer.array(), 0, read, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            // Windows locks are mandatory: the holder's bytes cannot be read while it runs.
            return "unknown";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("Closing lock channel failed", e);
        }
    }

    public Path lockFile() {
        return lockFile;
    }

    /** Whether this process still holds the lock. */
    public boolean isHeld() {
        return lock.isValid();
    }

    /** Releases the lock; the file stays (see the class comment). */
    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } catch (IOException e) {
            LOG.debug("Releasing {} failed", lockFile, e);
        } finally {
            closeQuietly(channel);
            HELD_BY_THIS_PROCESS.remove(key);
        }
    }
}
