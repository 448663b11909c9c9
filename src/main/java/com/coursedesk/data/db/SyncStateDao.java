package com.coursedesk.data.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The single {@code sync_state} row and the {@code full_pass_seen} set.
 *
 * <p>A full pass (sync without a cursor, e.g. after {@code 410 cursor_expired}) goes:
 * {@link #startFullPass}; for each page, in that page's transaction, the upserts,
 * {@link #markSeen} and {@link #saveCursor}; after the last page {@link #finishFullPass},
 * which deletes the local records the pass did not return. An interrupted pass resumes from
 * its saved cursor with the seen set intact, because both are committed with each page.
 *
 * <p>A full pass that starts on an empty store (the first sync of an account on this
 * computer, or after a damaged store was replaced) is a <em>bulk load</em> (migration V2):
 * the secondary indexes of {@code purchases} are dropped and the search index is left alone
 * until {@link #finishFullPass} builds them once, and no seen set is kept, because nothing
 * in the store can be stale. Writing 100,000 purchases this way takes a fraction of the
 * time of keeping every index current page by page.
 */
public final class SyncStateDao {

    /** What {@link #finishFullPass} removed. */
    public record FullPassCleanup(int purchasesRemoved, int subscriptionsRemoved) {
    }

    public SyncState get(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT cursor, last_full_sync_started_at, "
                     + "last_success_server_time, last_success_at, full_pass_in_progress FROM sync_state WHERE id = 1")) {
            if (!rs.next()) {
                throw new SQLException("sync_state row is missing");
            }
            return new SyncState(rs.getString("cursor"), Jdbc.getInstant(rs, "last_full_sync_started_at"),
                    Jdbc.getInstant(rs, "last_success_server_time"), Jdbc.getInstant(rs, "last_success_at"),
                    rs.getInt("full_pass_in_progress") != 0);
        }
    }

    /** Stores the cursor of the page applied in this same transaction. */
    public void saveCursor(Connection connection, String cursor) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE sync_state SET cursor = ? WHERE id = 1")) {
            statement.setString(1, cursor);
            statement.executeUpdate();
        }
    }

    /**
     * Forgets the cursor, clears the seen set and marks a full pass as running; on an empty
     * store, as a bulk load. A bulk load still running (its cursor expired) is ended first,
     * its indexes built: the new pass starts on a store that is no longer empty.
     */
    public void startFullPass(Connection connection, Instant startedAt) throws SQLException {
        endBulkLoad(connection);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM full_pass_seen");
        }
        if (isEmpty(connection)) {
            beginBulkLoad(connection);
        }
        try (PreparedStatement statement = connection.prepareStatement("UPDATE sync_state SET cursor = NULL, "
                + "last_full_sync_started_at = ?, full_pass_in_progress = 1 WHERE id = 1")) {
            Jdbc.setInstant(statement, 1, startedAt);
            statement.executeUpdate();
        }
    }

    /** Records that the running full pass returned these records (ids of one type). */
    public void markSeen(Connection connection, RecordType type, Collection<String> ids) throws SQLException {
        if (ids.isEmpty() || isBulkLoad(connection)) {
            // A bulk load began on an empty store: everything in it came from this pass.
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT OR IGNORE INTO full_pass_seen (record_type, id) VALUES (?, ?)")) {
            for (String id : ids) {
                statement.setString(1, type.wireName());
                statement.setString(2, id);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * Ends the running full pass: deletes the purchases and subscriptions it did not return
     * (they were deleted on the server while the cursor was stale), clears the seen set and
     * the flag. Ends a bulk load: builds the indexes it left out (about a second for 100,000
     * purchases). Does nothing if no full pass is running.
     */
    public FullPassCleanup finishFullPass(Connection connection) throws SQLException {
        if (!get(connection).fullPassInProgress()) {
            return new FullPassCleanup(0, 0);
        }
        boolean bulk = isBulkLoad(connection);
        int purchases = bulk ? 0 : deleteUnseen(connection, RecordType.PURCHASE);
        int subscriptions = bulk ? 0 : deleteUnseen(connection, RecordType.SUBSCRIPTION);
        endBulkLoad(connection);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM full_pass_seen");
            statement.executeUpdate("UPDATE sync_state SET full_pass_in_progress = 0 WHERE id = 1");
        }
        return new FullPassCleanup(purchases, subscriptions);
    }

    private static int deleteUnseen(Connection connection, RecordType type) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + type.table()
                + " WHERE id NOT IN (SELECT id FROM full_pass_seen WHERE record_type = ?)")) {
            statement.setString(1, type.wireName());
            return statement.executeUpdate();
        }
    }

    /** Whether a bulk load is running: the search index and secondary indexes wait for its end. */
    public static boolean isBulkLoad(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // The command line reads stores without migrating them: a schema-1 file has no flag.
            try (ResultSet rs = statement.executeQuery(
                    "SELECT 1 FROM pragma_table_info('sync_state') WHERE name = 'bulk_load'")) {
                if (!rs.next()) {
                    return false;
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT bulk_load FROM sync_state WHERE id = 1")) {
                return rs.next() && rs.getInt(1) != 0;
            }
        }
    }

    private static boolean isEmpty(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM purchases) "
                     + "AND NOT EXISTS (SELECT 1 FROM subscriptions)")) {
            return rs.next() && rs.getInt(1) != 0;
        }
    }

    /**
     * Drops the secondary indexes of {@code purchases} (not those behind UNIQUE constraints),
     * keeping their definitions, and turns the search triggers off.
     */
    private static void beginBulkLoad(Connection connection) throws SQLException {
        List<String[]> indexes = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT l.name, m.sql FROM pragma_index_list('purchases') l "
                     + "JOIN sqlite_master m ON m.type = 'index' AND m.name = l.name "
                     + "WHERE l.origin = 'c' AND l.\"unique\" = 0 AND m.sql IS NOT NULL")) {
            while (rs.next()) {
                indexes.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        try (PreparedStatement keep = connection.prepareStatement(
                "INSERT OR REPLACE INTO deferred_indexes (name, sql) VALUES (?, ?)");
             Statement statement = connection.createStatement()) {
            for (String[] index : indexes) {
                keep.setString(1, index[0]);
                keep.setString(2, index[1]);
                keep.executeUpdate();
                statement.executeUpdate("DROP INDEX \"" + index[0].replace("\"", "\"\"") + "\"");
            }
            statement.executeUpdate("UPDATE sync_state SET bulk_load = 1 WHERE id = 1");
        }
    }

    /**
     * Ends a bulk load, if one runs: creates the indexes it dropped and fills the search index
     * from {@code purchases} in one statement, then turns the search triggers back on.
     */
    private static void endBulkLoad(Connection connection) throws SQLException {
        List<String[]> deferred = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT name, sql FROM deferred_indexes ORDER BY name")) {
            while (rs.next()) {
                deferred.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        if (deferred.isEmpty() && !isBulkLoad(connection)) {
            return;
        }
        try (Statement statement = connection.createStatement();
             PreparedStatement exists = connection.prepareStatement(
                     "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?")) {
            for (String[] index : deferred) {
                exists.setString(1, index[0]);
                boolean present;
                try (ResultSet rs = exists.executeQuery()) {
                    present = rs.next();
                }
                if (!present) {
                    statement.executeUpdate(index[1]);
                }
            }
            statement.executeUpdate("DELETE FROM deferred_indexes");
            // The pass may have deleted rows it had inserted; the index holds nothing else.
            statement.executeUpdate("INSERT INTO purchase_search (purchase_search) VALUES ('delete-all')");
            statement.executeUpdate("INSERT INTO purchase_search (rowid, search_text) "
                    + "SELECT rid, search_text FROM purchases");
            statement.executeUpdate("UPDATE sync_state SET bulk_load = 0 WHERE id = 1");
            statement.executeUpdate("UPDATE store_info SET purchases_generation = purchases_generation + 1 "
                    + "WHERE id = 1");
        }
    }

    /** Records a complete sync: the server's time and the local time it finished. */
    public void recordSuccess(Connection connection, Instant serverTime, Instant localTime) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE sync_state SET last_success_server_time = ?, last_success_at = ? WHERE id = 1")) {
            Jdbc.setInstant(statement, 1, serverTime);
            Jdbc.setInstant(statement, 2, localTime);
            statement.executeUpdate();
        }
    }

    /** The ids seen so far by the running full pass, for one type (diagnostics and tests). */
    public List<String> seenIds(Connection connection, RecordType type) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id FROM full_pass_seen WHERE record_type = ? ORDER BY id")) {
            statement.setString(1, type.wireName());
            try (ResultSet rs = statement.executeQuery()) {
                List<String> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
                return ids;
            }
        }
    }
}
