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

    /** Forgets the cursor, clears the seen set and marks a full pass as running. */
    public void startFullPass(Connection connection, Instant startedAt) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM full_pass_seen");
        }
        try (PreparedStatement statement = connection.prepareStatement("UPDATE sync_state SET cursor = NULL, "
                + "last_full_sync_started_at = ?, full_pass_in_progress = 1 WHERE id = 1")) {
            Jdbc.setInstant(statement, 1, startedAt);
            statement.executeUpdate();
        }
    }

    /** Records that the running full pass returned these records (ids of one type). */
    public void markSeen(Connection connection, RecordType type, Collection<String> ids) throws SQLException {
        if (ids.isEmpty()) {
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
     * the flag. Does nothing if no full pass is running.
     */
    public FullPassCleanup finishFullPass(Connection connection) throws SQLException {
        if (!get(connection).fullPassInProgress()) {
            return new FullPassCleanup(0, 0);
        }
        int purchases = deleteUnseen(connection, RecordType.PURCHASE);
        int subscriptions = deleteUnseen(connection, RecordType.SUBSCRIPTION);
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
