package com.coursedesk.cli;

import com.coursedesk.data.db.AccountStorePaths;
import com.coursedesk.data.db.LocalStore;
import com.coursedesk.data.db.SqlWork;
import com.coursedesk.data.db.StoreException;
import org.sqlite.SQLiteConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/**
 * An account's local store opened read-only, for the commands that only show data
 * ({@code status}, {@code purchases}, ...). They run while the app or a {@code sync} holds
 * the data folder, so they must not migrate, check-and-move or write anything: SQLite's
 * read-only mode guarantees it, and in WAL mode they still see every committed page.
 * The DAOs are the store's own, so what is shown is what the app shows.
 */
final class ReadOnlyStore implements AutoCloseable {

    private final Path file;
    private final Connection connection;

    private ReadOnlyStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** The store of {@code accountId}, or empty when it has no local copy yet. */
    static Optional<ReadOnlyStore> open(Path accountsDir, String accountId) {
        Path file = AccountStorePaths.storeFile(accountsDir, accountId).toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(LocalStore.BUSY_TIMEOUT_MILLIS);
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
            connection.setAutoCommit(false);
            return Optional.of(new ReadOnlyStore(file, connection));
        } catch (SQLException e) {
            throw new StoreException("Cannot open " + file + " to read: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} in one read transaction, so its statements see one snapshot. */
    <T> T read(SqlWork<T> work) {
        try {
            try {
                return work.run(connection);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new StoreException("Reading " + file + " failed: " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("Closing " + file + " failed: " + e.getMessage(), e);
        }
    }
}
