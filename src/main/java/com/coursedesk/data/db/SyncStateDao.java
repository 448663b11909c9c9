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
 * the secondary indexes of {@code purchases} (but the partial ones) are dropped and the
 * search index is left alone until {@link #finishFullPass} builds them once, and no seen set
 * is kept, because nothing in the store can be stale. Writing 100,000 purchases this way takes a fraction of the
 * time of keeping every index current page by page.
 *
 * <p>The search index is filled last, in a transaction of its own after the pass
 * ({@link #buildSearchIndex}): the pass ends, and the history shows, without waiting for it.
 * Until it is filled, {@link #isSearchIndexReady} is false and SQL searches match with
 * {@code LIKE} on {@code purchases.search_text} (PurchaseDao), which finds the same purchases.
 */
public final class SyncStateDao {

    /** The page cache of a bulk load's writes, in KiB (as {@code PRAGMA cache_size} takes it: negative). */
    static final int BULK_CACHE_SIZE = -32 * 1024;
    /** SQLite's default page cache (LocalStore sets none), restored when a bulk load is over. */
    static final int DEFAULT_CACHE_SIZE = -2000;
    /** SQLite's default, restored when a bulk load is over. */
    static final int DEFAULT_WAL_AUTOCHECKPOINT = 1000;
    /** The row of deferred_indexes that says the search index waits to be filled, and the fill. */
    private static final String SEARCH_INDEX = "purchase_search";
    private static final String SEARCH_FILL =
            "INSERT INTO purchase_search (rowid, search_text) SELECT rid, search_text FROM purchases";
    /** FTS5's memory for pending terms while a bulk load fills the search index, and its default. */
    static final int SEARCH_BUILD_HASH_BYTES = 8 << 20;
    static final int SEARCH_DEFAULT_HASH_BYTES = 1 << 20;

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
        buildSearchIndex(connection);
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
     * the flag. Ends a bulk load: builds the indexes and triggers it left out (60 ms for
     * 100,000 purchases); the search index waits for {@link #buildSearchIndex}. Does nothing
     * if no full pass is running.
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

    /**
     * Whether the search index holds every purchase: not during a bulk load, nor after one until
     * {@link #buildSearchIndex} has filled it. When it does not, search with {@code LIKE}.
     */
    public static boolean isSearchIndexReady(Connection connection) throws SQLException {
        if (isBulkLoad(connection)) {
            return false;
        }
        // (isBulkLoad is false for a schema-1 file, which has no deferred_indexes either.)
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                     + "AND name = 'deferred_indexes'")) {
            if (!rs.next()) {
                return true;
            }
        }
        return !searchIndexWaits(connection);
    }

    private static boolean searchIndexWaits(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM deferred_indexes WHERE name = ?")) {
            statement.setString(1, SEARCH_INDEX);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Fills the search index from {@code purchases} if a bulk load left it waiting (0.2 s for
     * 100,000 purchases), in one statement, and restores the connection's everyday settings,
     * which the load kept until now (this commit checkpoints the load's WAL). Run it in a
     * transaction of its own after the full pass; does nothing when nothing waits.
     *
     * @return whether it filled the index
     */
    public boolean buildSearchIndex(Connection connection) throws SQLException {
        if (isBulkLoad(connection) || !searchIndexWaits(connection)) {
            return false;
        }
        try (Statement statement = connection.createStatement()) {
            // Rows written since the load ended reached the index through the triggers; it is
            // emptied and filled whole. With FTS5's default 1 MB of pending terms, filling it
            // flushed and merged a hundred segments for 100,000 purchases; 8 MB takes a third
            // less time. The default is kept for everyday writes.
            statement.executeUpdate("INSERT INTO purchase_search (purchase_search) VALUES ('delete-all')");
            statement.executeUpdate("INSERT INTO purchase_search (purchase_search, rank) VALUES ('hashsize', "
                    + SEARCH_BUILD_HASH_BYTES + ")");
            statement.executeUpdate(SEARCH_FILL);
            statement.executeUpdate("INSERT INTO purchase_search (purchase_search, rank) VALUES ('hashsize', "
                    + SEARCH_DEFAULT_HASH_BYTES + ")");
        }
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM deferred_indexes WHERE name = ?")) {
            statement.setString(1, SEARCH_INDEX);
            statement.executeUpdate();
        }
        tuneForBulkLoad(connection, false);
        return true;
    }

    private static boolean isEmpty(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM purchases) "
                     + "AND NOT EXISTS (SELECT 1 FROM subscriptions)")) {
            return rs.next() && rs.getInt(1) != 0;
        }
    }

    /**
     * Drops the secondary indexes of {@code purchases} (not those behind UNIQUE constraints, nor
     * the partial ones) and the triggers that do nothing during a bulk load (V2: search index
     * and generation), keeping their definitions, and marks the bulk load. A partial index holds
     * few of the rows a load brings (subscription payments; none with a pending action), so
     * keeping it costs the load next to nothing, while creating it again at the end read the
     * whole table once more.
     */
    private static void beginBulkLoad(Connection connection) throws SQLException {
        List<String[]> deferred = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT l.name, m.sql FROM pragma_index_list('purchases') l "
                    + "JOIN sqlite_master m ON m.type = 'index' AND m.name = l.name "
                    + "WHERE l.origin = 'c' AND l.\"unique\" = 0 AND l.partial = 0 AND m.sql IS NOT NULL")) {
                while (rs.next()) {
                    deferred.add(new String[] {rs.getString(1), rs.getString(2), "INDEX"});
                }
            }
            // Each of them still ran its WHEN check (a query of sync_state) for every row the
            // load inserted, only to find it should do nothing: a tenth of the load's writes.
            try (ResultSet rs = statement.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                    + "AND tbl_name = 'purchases' AND sql LIKE '%bulk_load = 1%'")) {
                while (rs.next()) {
                    deferred.add(new String[] {rs.getString(1), rs.getString(2), "TRIGGER"});
                }
            }
        }
        try (PreparedStatement keep = connection.prepareStatement(
                "INSERT OR REPLACE INTO deferred_indexes (name, sql) VALUES (?, ?)");
             Statement statement = connection.createStatement()) {
            for (String[] object : deferred) {
                keep.setString(1, object[0]);
                keep.setString(2, object[1]);
                keep.executeUpdate();
                statement.executeUpdate("DROP " + object[2] + " \"" + object[0].replace("\"", "\"\"") + "\"");
            }
            // The search index is left as it is (empty) and filled by buildSearchIndex.
            keep.setString(1, SEARCH_INDEX);
            keep.setString(2, SEARCH_FILL);
            keep.executeUpdate();
            statement.executeUpdate("UPDATE sync_state SET bulk_load = 1 WHERE id = 1");
        }
        tuneForBulkLoad(connection, true);
    }

    /**
     * Whether a bulk load runs, with this connection set up for its writes (or for everyday
     * ones when none runs). Call it in each transaction that writes a full pass's pages: the
     * settings belong to the connection, not the file, so a load resumed after a restart needs
     * them again. Two pragmas; cheap.
     */
    public static boolean prepareBulkWrite(Connection connection) throws SQLException {
        boolean bulk = isBulkLoad(connection);
        tuneForBulkLoad(connection, bulk);
        return bulk;
    }

    /**
     * A bulk load's connection settings, or the usual ones. During the load: a page cache that
     * holds the id index (4 MB for 100,000 purchases, which reach it in random order; the default
     * cache is 2 MB), and no automatic WAL checkpoint (each commit of the load copied everything
     * written so far back into the file and synced it: a third of the load's time). The fill of
     * the search index, the load's last write, sets the usual ones back and its commit
     * checkpoints once. What is stored is the same; a crash still leaves whole transactions (a
     * page with its cursor), from which an interrupted load resumes.
     */
    private static void tuneForBulkLoad(Connection connection, boolean bulk) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA cache_size = " + (bulk ? BULK_CACHE_SIZE : DEFAULT_CACHE_SIZE));
            statement.execute("PRAGMA wal_autocheckpoint = " + (bulk ? 0 : DEFAULT_WAL_AUTOCHECKPOINT));
        }
    }

    /**
     * Ends a bulk load, if one runs: creates the indexes and triggers it dropped and counts a
     * new generation of purchases. The search index stays waiting ({@link #buildSearchIndex}),
     * and so do the load's connection settings, so that this commit does not checkpoint.
     */
    private static void endBulkLoad(Connection connection) throws SQLException {
        List<String[]> deferred = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT name, sql FROM deferred_indexes WHERE name <> ? ORDER BY name")) {
            statement.setString(1, SEARCH_INDEX);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    deferred.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        boolean bulk = isBulkLoad(connection);
        if (deferred.isEmpty() && !bulk) {
            return;
        }
        try (Statement statement = connection.createStatement();
             PreparedStatement exists = connection.prepareStatement(
                     "SELECT 1 FROM sqlite_master WHERE type IN ('index', 'trigger') AND name = ?");
             PreparedStatement done = connection.prepareStatement("DELETE FROM deferred_indexes WHERE name = ?")) {
            for (String[] object : deferred) {
                exists.setString(1, object[0]);
                boolean present;
                try (ResultSet rs = exists.executeQuery()) {
                    present = rs.next();
                }
                if (!present) {
                    statement.executeUpdate(object[1]);
                }
                done.setString(1, object[0]);
                done.executeUpdate();
            }
            if (bulk) {
                statement.executeUpdate("UPDATE sync_state SET bulk_load = 0 WHERE id = 1");
                // The triggers counted nothing during the load: it counts once, here.
                statement.executeUpdate("UPDATE store_info SET purchases_generation = purchases_generation + 1 "
                        + "WHERE id = 1");
            }
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
