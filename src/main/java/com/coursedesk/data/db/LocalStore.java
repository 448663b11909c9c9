package com.coursedesk.data.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteJDBCLoader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One account's SQLite store.
 *
 * <p>Opening it applies the Flyway migrations from {@code classpath:db/migration} before any
 * connection reads (Flyway itself is loaded only when one is pending: {@link #isCurrent}),
 * then sets, on every connection: {@code journal_mode=WAL} (readers never
 * wait for the writer), {@code foreign_keys=ON}, {@code busy_timeout=5000} and
 * {@code synchronous=NORMAL} (durable at each WAL checkpoint, which is enough for a cache the
 * server can rebuild).
 *
 * <p>Every write goes through one writer: a single daemon thread named
 * {@value #WRITER_THREAD_NAME} that owns the only write connection. {@link #write} hands it a
 * unit of work, which runs in one transaction and is rolled back on any exception, and waits
 * for the result. One writer means SQLite never answers {@code SQLITE_BUSY} to ourselves and
 * writes are applied in the order they were asked for. Reads use a small pool of separate,
 * query-only connections; in WAL mode they see only committed transactions.
 *
 * <p>Use {@link StoreOpener} to open a store: it also checks the file and moves a damaged one
 * aside.
 */
public final class LocalStore implements AutoCloseable {

    /** The name of the writer thread, seen in thread dumps and logs. */
    public static final String WRITER_THREAD_NAME = "coursedesk-db-writer";
    /** How long a connection waits on a lock held by another connection, in milliseconds. */
    public static final int BUSY_TIMEOUT_MILLIS = 5000;

    static final String FX_THREAD_NAME = "JavaFX Application Thread";
    private static final int DEFAULT_READERS = 2;
    private static final long CLOSE_WAIT_SECONDS = 30;

    private static final Logger LOG = LoggerFactory.getLogger(LocalStore.class);
    /**
     * The versions of the migrations in {@code db/migration}, in order; a new migration must be
     * added here too ({@code LocalStoreTest} compares this list with the files).
     */
    static final List<String> MIGRATIONS = List.of("1", "2");
    static final String SCHEMA_HISTORY = "flyway_schema_history";

    private final Path file;
    private final boolean migrated;
    private final Connection writeConnection;
    private final ExecutorService writer;
    private final BlockingQueue<Connection> readers;
    private final List<Connection> allReaders;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Thread writerThread;

    private LocalStore(Path file, boolean migrated, Connection writeConnection, List<Connection> readConnections) {
        this.file = file;
        this.migrated = migrated;
        this.writeConnection = writeConnection;
        this.allReaders = List.copyOf(readConnections);
        this.readers = new ArrayBlockingQueue<>(readConnections.size(), false, readConnections);
        this.writer = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, WRITER_THREAD_NAME);
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> LOG.error("Uncaught exception on {}", t.getName(), e));
            writerThread = thread;
            return thread;
        });
    }

    /**
     * Opens (creating if needed) the store at {@code file}, migrates it and sets the pragmas.
     * No integrity check and no recovery: {@link StoreOpener} adds those.
     *
     * @throws StoreException if the file cannot be opened or migrated
     */
    public static LocalStore open(Path file) {
        return open(file, DEFAULT_READERS);
    }

    static LocalStore open(Path file, int readConnections) {
        Objects.requireNonNull(file, "file");
        if (readConnections < 1) {
            throw new IllegalArgumentException("readConnections must be at least 1");
        }
        Path absolute = file.toAbsolutePath().normalize();
        List<Connection> opened = new ArrayList<>();
        try {
            Path parent = absolute.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            String url = jdbcUrl(absolute);
            Connection write = DriverManager.getConnection(url, connectionConfig().toProperties());
            opened.add(write);
            boolean migrated = !isCurrent(write);
            if (migrated) {
                migrate(url);
            }
            write.setAutoCommit(false);
            List<Connection> reads = new ArrayList<>();
            for (int i = 0; i < readConnections; i++) {
                Connection read = DriverManager.getConnection(url, connectionConfig().toProperties());
                opened.add(read);
                try (Statement statement = read.createStatement()) {
                    // The read path must never write: everything goes through the writer.
                    statement.execute("PRAGMA query_only = ON");
                }
                reads.add(read);
            }
            LOG.info("Opened local store {}", absolute);
            return new LocalStore(absolute, migrated, write, reads);
        } catch (SQLException | FlywayException | java.io.IOException e) {
            opened.forEach(LocalStore::closeQuietly);
            throw new StoreException("Cannot open local store " + absolute + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads the SQLite driver and its native library ahead of the first {@link #open}, which
     * then does not wait for them (the window calls this on a thread of its own at start-up).
     * Opens no file; failures are left for {@code open} to report.
     */
    public static void warmUp() {
        try {
            SQLiteJDBCLoader.initialize();
        } catch (Exception e) {
            LOG.debug("Loading SQLite ahead of time failed", e);
        }
    }

    static String jdbcUrl(Path absoluteFile) {
        return "jdbc:sqlite:" + absoluteFile;
    }

    /**
     * Whether the schema history of the store on {@code connection} lists exactly the
     * migrations this build ships, all successful. Then opening skips Flyway, which costs
     * about 200 ms of every start-up (its classes, plugins and classpath scan) to find that
     * there is nothing to do; anything else (a new store, a pending or failed migration,
     * another program's database) goes through Flyway as before. What this skips is Flyway's
     * comparison of the applied files' checksums with the shipped ones, which only catches a
     * migration edited after release (a build mistake, caught while a store is not current).
     */
    static boolean isCurrent(Connection connection) throws SQLException {
        List<String> applied = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet tables = statement.executeQuery(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '" + SCHEMA_HISTORY + "'")) {
                if (!tables.next()) {
                    return false;
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT version, success FROM " + SCHEMA_HISTORY
                    + " ORDER BY installed_rank")) {
                while (rs.next()) {
                    if (rs.getInt(2) != 1) {
                        return false;
                    }
                    applied.add(rs.getString(1));
                }
            }
        }
        return applied.equals(MIGRATIONS);
    }

    private static void migrate(String url) {
        Flyway.configure()
                .dataSource(url, "", "")
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    private static SQLiteConfig connectionConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        return config;
    }

    /** Whether opening ran Flyway (a new store, or a migration was pending). */
    boolean migratedOnOpen() {
        return migrated;
    }

    /** The store file (absolute). */
    public Path file() {
        return file;
    }

    /**
     * Runs {@code work} in one transaction on the writer thread and returns its result,
     * blocking the caller until it is committed. Any exception rolls the transaction back and
     * is passed on: a {@link RuntimeException} or {@link Error} as it is, a
     * {@link SQLException} wrapped in a {@link StoreException}.
     *
     * @throws IllegalStateException on the JavaFX thread (it must never wait for the disk), on
     *                               the writer thread itself (a nested write would wait for
     *                               itself), or once the store is closed
     */
    public <T> T write(SqlWork<T> work) {
        Objects.requireNonNull(work, "work");
        Thread caller = Thread.currentThread();
        if (caller == writerThread) {
            throw new IllegalStateException("write() called from inside a write; pass the Connection on instead");
        }
        if (FX_THREAD_NAME.equals(caller.getName())) {
            throw new IllegalStateException("write() called on the JavaFX thread; run it in a background task");
        }
        Future<T> result;
        try {
            result = writer.submit(() -> runInTransaction(work));
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("The local store is closed: " + file, e);
        }
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            // The work may still be applied: it is already queued and runs to its end.
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting for a write to " + file, e);
        }
    }

    /**
     * Like {@link #write}, but returns at once: the unit of work runs in its own transaction
     * after every write asked for before it. For a producer that prepares its next unit while
     * the writer applies this one (a sync pass fetches page k+1 while page k is written).
     * The future fails as {@link #write} would throw.
     *
     * @throws IllegalStateException once the store is closed
     */
    public <T> CompletableFuture<T> writeLater(SqlWork<T> work) {
        Objects.requireNonNull(work, "work");
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            writer.execute(() -> {
                try {
                    result.complete(runInTransaction(work));
                } catch (Throwable failure) {
                    result.completeExceptionally(failure instanceof SQLException sql
                            ? new StoreException("Write failed: " + sql.getMessage(), sql) : failure);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("The local store is closed: " + file, e);
        }
        return result;
    }

    private <T> T runInTransaction(SqlWork<T> work) throws SQLException {
        try {
            T value = work.run(writeConnection);
            writeConnection.commit();
            return value;
        } catch (Throwable failure) {
            try {
                writeConnection.rollback();
            } catch (SQLException rollbackFailure) {
                failure.addSuppressed(rollbackFailure);
            }
            throw failure;
        }
    }

    /**
     * Runs {@code work} on a read connection inside one read transaction, so that several
     * statements see one consistent snapshot of committed data. Blocks while all read
     * connections are in use.
     *
     * @throws IllegalStateException once the store is closed
     */
    public <T> T read(SqlWork<T> work) {
        Objects.requireNonNull(work, "work");
        if (closed.get()) {
            throw new IllegalStateException("The local store is closed: " + file);
        }
        Connection connection;
        try {
            connection = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting for a read connection to " + file, e);
        }
        try {
            if (closed.get()) {
                throw new IllegalStateException("The local store is closed: " + file);
            }
            connection.setAutoCommit(false);
            try {
                return work.run(connection);
            } finally {
                // Ends the read transaction, releasing its snapshot so the WAL can be checkpointed.
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("Read from " + file + " failed: " + e.getMessage(), e);
        } finally {
            readers.add(connection);
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        if (cause instanceof SQLException sql) {
            return new StoreException("Write failed: " + sql.getMessage(), sql);
        }
        return new StoreException("Write failed: " + cause, cause);
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Lets queued writes finish, then closes every connection. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        writer.shutdown();
        boolean clean = true;
        try {
            if (!writer.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Writes to {} still running after {} s; closing anyway", file, CLOSE_WAIT_SECONDS);
                writer.shutdownNow();
                clean = false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writer.shutdownNow();
            clean = false;
        }
        try (Statement statement = writeConnection.createStatement()) {
            // Keeps query plans good as tables grow; cheap when nothing changed.
            statement.execute("PRAGMA optimize");
            writeConnection.commit();
        } catch (SQLException e) {
            LOG.debug("PRAGMA optimize failed on {}", file, e);
        }
        clean &= closeQuietly(writeConnection);
        clean &= closeReaders();
        if (clean) {
            markClosedCleanly(file);
        }
        LOG.info("Closed local store {}", file);
    }

    /**
     * The file left next to a store closed cleanly: what the store file looked like right after
     * (its size, modification time and file key). {@link StoreOpener} skips its check of a file
     * that still looks like that, and deletes the mark before it uses the file, so a session
     * that ends in a crash leaves none and the next start checks again.
     */
    static Path cleanCloseMark(Path file) {
        return file.resolveSibling(file.getFileName() + ".closed");
    }

    /**
     * What {@link #cleanCloseMark} records: empty when the file is missing or has a write-ahead
     * log or rollback journal beside it (its last session did not end with every change in
     * the file itself).
     */
    static Optional<String> fingerprint(Path file) {
        try {
            for (String suffix : List.of("-wal", "-journal")) {
                if (Files.exists(file.resolveSibling(file.getFileName() + suffix))) {
                    return Optional.empty();
                }
            }
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return Optional.of("size=" + attributes.size() + " modified=" + attributes.lastModifiedTime().toInstant()
                    + " key=" + attributes.fileKey());
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static void markClosedCleanly(Path file) {
        Optional<String> fingerprint = fingerprint(file);
        if (fingerprint.isEmpty()) {
            return;
        }
        try {
            Files.writeString(cleanCloseMark(file), fingerprint.get(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            // The next start checks the file, as after a crash.
            LOG.debug("Cannot mark {} as closed cleanly", file, e);
        }
    }

    /** Whether every reader was handed back and closed. */
    private boolean closeReaders() {
        // Waits for reads in progress to hand their connection back before closing it.
        List<Connection> returned = new ArrayList<>();
        try {
            for (int i = 0; i < allReaders.size(); i++) {
                Connection connection = readers.poll(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
                if (connection == null) {
                    LOG.warn("A read of {} still running after {} s; closing anyway", file, CLOSE_WAIT_SECONDS);
                    break;
                }
                returned.add(connection);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean clean = returned.size() == allReaders.size();
        for (Connection connection : allReaders) {
            clean &= closeQuietly(connection);
        }
        return clean;
    }

    private static boolean closeQuietly(Connection connection) {
        try {
            connection.close();
            return true;
        } catch (SQLException e) {
            LOG.debug("Closing a connection failed", e);
            return false;
        }
    }
}
