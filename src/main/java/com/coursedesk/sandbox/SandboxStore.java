package com.coursedesk.sandbox;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The sandbox's state in its own SQLite file. Every read and write happens inside
 * {@link #transaction}, which holds one lock: the sandbox serves one learner's demo or one
 * test at a time, and a single writer makes concurrent duplicate actions trivially act once.
 */
final class SandboxStore implements AutoCloseable {

    /**
     * One page of the change feed: how many changes it holds and the last one's sequence number,
     * the stored JSON of its purchases and of its other records as UTF-8 bytes (which a sync
     * page copies as they are), and its deletions, each in sequence order.
     */
    record FeedPage(int rows, long lastSeq, List<byte[]> purchases, List<byte[]> others, List<Deletion> deleted) {
    }

    /** A deletion in the change feed. */
    record Deletion(String type, String id) {
    }

    /** A stored session: hashes only, never the tokens themselves. */
    record Session(String id, String accountId, String accessHash, long accessExpiresAtMillis,
                   String refreshHash, long refreshExpiresAtMillis, boolean revoked) {
    }

    /** A kept answer to an action, for idempotent replays. */
    record KeptAnswer(String fingerprint, int status, String body) {
    }

    private static final int SCHEMA_VERSION = 1;

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private long lastSeq;

    SandboxStore(Path file) {
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement st = connection.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=NORMAL");
                st.execute("PRAGMA busy_timeout=5000");
                st.execute("PRAGMA foreign_keys=ON");
            }
            createSchema();
            lastSeq = queryLong("SELECT COALESCE(MAX(seq), 0) FROM records");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the sandbox data file " + file + ": " + e.getMessage(), e);
        }
    }

    private void createSchema() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            st.execute("""
                    CREATE TABLE IF NOT EXISTS accounts (
                      id TEXT PRIMARY KEY,
                      email TEXT NOT NULL UNIQUE,
                      password_salt BLOB NOT NULL,
                      password_hash BLOB NOT NULL,
                      card_declines INTEGER NOT NULL DEFAULT 0,
                      payment_method TEXT NOT NULL,
                      json TEXT NOT NULL)""");
            st.execute("""
                    CREATE TABLE IF NOT EXISTS sessions (
                      id TEXT PRIMARY KEY,
                      account_id TEXT NOT NULL REFERENCES accounts(id),
                      access_hash TEXT NOT NULL UNIQUE,
                      access_expires_at INTEGER NOT NULL,
                      refresh_hash TEXT NOT NULL UNIQUE,
                      refresh_expires_at INTEGER NOT NULL,
                      revoked INTEGER NOT NULL DEFAULT 0)""");
            st.execute("""
                    CREATE TABLE IF NOT EXISTS used_refresh_tokens (
                      hash TEXT PRIMARY KEY,
                      session_id TEXT NOT NULL)""");
            st.execute("""
                    CREATE TABLE IF NOT EXISTS records (
                      account_id TEXT NOT NULL REFERENCES accounts(id),
                      type TEXT NOT NULL,
                      id TEXT NOT NULL,
                      seq INTEGER NOT NULL,
                      deleted INTEGER NOT NULL DEFAULT 0,
                      json TEXT,
                      PRIMARY KEY (account_id, type, id))""");
            st.execute("CREATE UNIQUE INDEX IF NOT EXISTS records_feed ON records(account_id, seq)");
            st.execute("CREATE INDEX IF NOT EXISTS records_type ON records(type, deleted)");
            st.execute("""
                    CREATE TABLE IF NOT EXISTS login_failures (
                      email TEXT NOT NULL,
                      at INTEGER NOT NULL)""");
            st.execute("CREATE INDEX IF NOT EXISTS login_failures_email ON login_failures(email, at)");
            st.execute("""
                    CREATE TABLE IF NOT EXISTS idempotency (
                      account_id TEXT NOT NULL,
                      key TEXT NOT NULL,
                      fingerprint TEXT NOT NULL,
                      status INTEGER NOT NULL,
                      body TEXT NOT NULL,
                      created_at INTEGER NOT NULL,
                      PRIMARY KEY (account_id, key))""");
        }
        if (meta("schema").isEmpty()) {
            putMeta("schema", Integer.toString(SCHEMA_VERSION));
        }
    }

    /** Runs {@code work} in one transaction under the store's lock; rolls back if it throws. */
    <T> T transaction(Supplier<T> work) {
        lock.lock();
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.get();
                connection.commit();
                return result;
            } catch (Problem refusal) {
                // A refusal is an answer, not a failure: what was written before it (a counted
                // failed sign-in) is kept. Rules check everything before they change a record.
                connection.commit();
                throw refusal;
            } catch (RuntimeException | Error e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Sandbox store failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    // ----- meta -----

    Optional<String> meta(String key) {
        return queryOptionalString("SELECT value FROM meta WHERE key = ?", key);
    }

    void putMeta(String key, String value) {
        update("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                key, value);
    }

    // ----- accounts -----

    record AccountRow(String id, String email, byte[] salt, byte[] hash, boolean cardDeclines,
                      String paymentMethodJson, String json) {
    }

    void insertAccount(AccountRow row) {
        update("INSERT INTO accounts(id, email, password_salt, password_hash, card_declines, payment_method, json)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                row.id(), row.email(), row.salt(), row.hash(), row.cardDeclines() ? 1 : 0,
                row.paymentMethodJson(), row.json());
    }

    Optional<AccountRow> accountByEmail(String email) {
        return accountWhere("email = ?", email);
    }

    Optional<AccountRow> accountById(String id) {
        return accountWhere("id = ?", id);
    }

    List<AccountRow> accounts() {
        List<AccountRow> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT id, email, password_salt, password_hash, card_declines, payment_method, json FROM accounts"
                        + " ORDER BY email");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(accountRow(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    void setCardDeclines(String accountId, boolean declines) {
        update("UPDATE accounts SET card_declines = ? WHERE id = ?", declines ? 1 : 0, accountId);
    }

    private Optional<AccountRow> accountWhere(String where, String value) {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT id, email, password_salt, password_hash, card_declines, payment_method, json FROM accounts WHERE "
                        + where)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(accountRow(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static AccountRow accountRow(ResultSet rs) throws SQLException {
        return new AccountRow(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4),
                rs.getInt(5) != 0, rs.getString(6), rs.getString(7));
    }

    // ----- sessions -----

    void insertSession(Session s) {
        update("INSERT INTO sessions(id, account_id, access_hash, access_expires_at, refresh_hash,"
                        + " refresh_expires_at, revoked) VALUES (?, ?, ?, ?, ?, ?, ?)",
                s.id(), s.accountId(), s.accessHash(), s.accessExpiresAtMillis(), s.refreshHash(),
                s.refreshExpiresAtMillis(), s.revoked() ? 1 : 0);
    }

    Optional<Session> sessionByAccessHash(String hash) {
        return sessionWhere("access_hash = ?", hash);
    }

    Optional<Session> sessionByRefreshHash(String hash) {
        return sessionWhere("refresh_hash = ?", hash);
    }

    Optional<String> sessionIdOfUsedRefresh(String hash) {
        return queryOptionalString("SELECT session_id FROM used_refresh_tokens WHERE hash = ?", hash);
    }

    void rotateSession(String sessionId, String oldRefreshHash, String accessHash, long accessExpires,
                       String refreshHash, long refreshExpires) {
        update("INSERT INTO used_refresh_tokens(hash, session_id) VALUES (?, ?)", oldRefreshHash, sessionId);
        update("UPDATE sessions SET access_hash = ?, access_expires_at = ?, refresh_hash = ?, refresh_expires_at = ?"
                + " WHERE id = ?", accessHash, accessExpires, refreshHash, refreshExpires, sessionId);
    }

    void revokeSession(String sessionId) {
        update("UPDATE sessions SET revoked = 1 WHERE id = ?", sessionId);
    }

    void expireAllAccessTokens(long nowMillis) {
        update("UPDATE sessions SET access_expires_at = ? WHERE access_expires_at > ?", nowMillis, nowMillis);
    }

    private Optional<Session> sessionWhere(String where, String value) {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT id, account_id, access_hash, access_expires_at, refresh_hash, refresh_expires_at, revoked"
                        + " FROM sessions WHERE " + where)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Session(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getLong(6), rs.getInt(7) != 0));
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    // ----- login failures -----

    void recordLoginFailure(String email, long atMillis) {
        update("INSERT INTO login_failures(email, at) VALUES (?, ?)", email, atMillis);
    }

    /** Failures for {@code email} at or after {@code sinceMillis}, oldest first. */
    List<Long> loginFailuresSince(String email, long sinceMillis) {
        List<Long> times = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT at FROM login_failures WHERE email = ? AND at >= ? ORDER BY at")) {
            ps.setString(1, email);
            ps.setLong(2, sinceMillis);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    times.add(rs.getLong(1));
                }
            }
            return times;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    void clearLoginFailures(String email) {
        update("DELETE FROM login_failures WHERE email = ?", email);
    }

    // ----- records and the change feed -----

    /** Writes a record's newest state; it moves to the end of the account's change feed. */
    void putRecord(String accountId, String type, String id, String json) {
        long seq = ++lastSeq;
        update("INSERT INTO records(account_id, type, id, seq, deleted, json) VALUES (?, ?, ?, ?, 0, ?)"
                        + " ON CONFLICT(account_id, type, id) DO UPDATE SET seq = excluded.seq, deleted = 0,"
                        + " json = excluded.json",
                accountId, type, id, seq, json);
    }

    /** Bulk insert for seeding: one prepared batch. */
    void putRecords(String accountId, String type, List<String[]> idAndJson) {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO records(account_id, type, id, seq, deleted, json) VALUES (?, ?, ?, ?, 0, ?)")) {
            for (String[] row : idAndJson) {
                ps.setString(1, accountId);
                ps.setString(2, type);
                ps.setString(3, row[0]);
                ps.setLong(4, ++lastSeq);
                ps.setString(5, row[1]);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Marks a record deleted; the tombstone travels the feed like any change. */
    boolean deleteRecord(String accountId, String type, String id) {
        long seq = lastSeq + 1;
        int changed = update("UPDATE records SET seq = ?, deleted = 1, json = NULL"
                + " WHERE account_id = ? AND type = ? AND id = ? AND deleted = 0", seq, accountId, type, id);
        if (changed > 0) {
            lastSeq = seq;
        }
        return changed > 0;
    }

    Optional<String> record(String accountId, String type, String id) {
        return queryOptionalString("SELECT json FROM records WHERE account_id = ? AND type = ? AND id = ? AND deleted = 0",
                accountId, type, id);
    }

    /** The account that owns a live record, whatever its type. */
    Optional<String[]> ownerAndType(String id) {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT account_id, type FROM records WHERE id = ? AND deleted = 0")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new String[] {rs.getString(1), rs.getString(2)}) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Every live subscription of every account, as {accountId, json}. */
    List<String[]> allSubscriptions() {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT account_id, json FROM records WHERE type = 'subscription' AND deleted = 0");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new String[] {rs.getString(1), rs.getString(2)});
            }
            return rows;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Purchases of one subscription, as JSON. */
    List<String> purchasesOfSubscription(String accountId, String subscriptionId) {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT json FROM records WHERE account_id = ? AND type = 'purchase' AND deleted = 0"
                        + " AND json_extract(json, '$.subscriptionId') = ?")) {
            ps.setString(1, accountId);
            ps.setString(2, subscriptionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * The first {@code limit} changes of {@code accountId} after {@code afterSeq}, in sequence
     * order. Only the JSON is read as it is stored; a record's type and id are read for a
     * deletion alone (two Strings a row were a third of the time of reading a page).
     */
    FeedPage feedPage(String accountId, long afterSeq, int limit) {
        List<byte[]> purchases = new ArrayList<>(Math.min(limit, 1000));
        List<byte[]> others = new ArrayList<>();
        int rows = 0;
        int deletions = 0;
        long lastSeq = afterSeq;
        try (PreparedStatement ps = connection.prepareStatement("SELECT seq, deleted, type = 'purchase', json "
                + "FROM records WHERE account_id = ? AND seq > ? ORDER BY seq LIMIT ?")) {
            ps.setString(1, accountId);
            ps.setLong(2, afterSeq);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    lastSeq = rs.getLong(1);
                    if (rs.getInt(2) != 0) {
                        deletions++;
                    } else if (rs.getInt(3) != 0) {
                        purchases.add(rs.getBytes(4));
                    } else {
                        others.add(rs.getBytes(4));
                    }
                }
            }
        } catch (SQLException e) {
            throw failed(e);
        }
        List<Deletion> deleted = new ArrayList<>(deletions);
        if (deletions > 0) {
            try (PreparedStatement ps = connection.prepareStatement("SELECT type, id FROM records "
                    + "WHERE account_id = ? AND seq > ? AND seq <= ? AND deleted <> 0 ORDER BY seq")) {
                ps.setString(1, accountId);
                ps.setLong(2, afterSeq);
                ps.setLong(3, lastSeq);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        deleted.add(new Deletion(rs.getString(1), rs.getString(2)));
                    }
                }
            } catch (SQLException e) {
                throw failed(e);
            }
        }
        return new FeedPage(rows, lastSeq, purchases, others, deleted);
    }

    long countAfter(String accountId, long afterSeq) {
        return queryLong("SELECT COUNT(*) FROM records WHERE account_id = ? AND seq > ?", accountId, afterSeq);
    }

    long lastSeq() {
        return lastSeq;
    }

    long countRecords(String accountId, String type) {
        return queryLong("SELECT COUNT(*) FROM records WHERE account_id = ? AND type = ? AND deleted = 0",
                accountId, type);
    }

    // ----- idempotency -----

    Optional<KeptAnswer> keptAnswer(String accountId, String key) {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT fingerprint, status, body FROM idempotency WHERE account_id = ? AND key = ?")) {
            ps.setString(1, accountId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new KeptAnswer(rs.getString(1), rs.getInt(2), rs.getString(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    void keepAnswer(String accountId, String key, KeptAnswer answer, long nowMillis) {
        update("INSERT INTO idempotency(account_id, key, fingerprint, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                accountId, key, answer.fingerprint(), answer.status(), answer.body(), nowMillis);
    }

    void forgetAnswersBefore(long millis) {
        update("DELETE FROM idempotency WHERE created_at < ?", millis);
    }

    // ----- plumbing -----

    private int update(String sql, Object... params) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private long queryLong(String sql, Object... params) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private Optional<String> queryOptionalString(String sql, Object... params) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }

    private static IllegalStateException failed(SQLException e) {
        return new IllegalStateException("Sandbox store failed: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new UncheckedIOException(new java.io.IOException(e));
        } finally {
            lock.unlock();
        }
    }
}
