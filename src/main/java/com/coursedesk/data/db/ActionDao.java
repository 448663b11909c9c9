package com.coursedesk.data.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code actions} table: the outbox of learner actions and their permanent history.
 * Rows are never deleted.
 *
 * <p>Storing a pending action also marks its record ({@code pending_action_id}) in the same
 * transaction, so the list shows it as pending at once; a final answer (confirmed, refused,
 * failed) clears that mark in the transaction that records the answer. A confirmation is
 * normally recorded in the same unit of work that upserts the record the server returned.
 */
public final class ActionDao {

    private static final String COLUMNS = "id, kind, target_type, target_id, idempotency_key, request_json, state, "
            + "created_at, sent_at, answered_at, attempts, last_error, server_status, server_code, server_detail, "
            + "result_json, server_time";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM actions";

    /**
     * Stores {@code action} as pending and marks its target record.
     *
     * @return the new action's id
     * @throws IllegalArgumentException if the target record is not in the store
     * @throws IllegalStateException    if the target already has an unanswered action
     */
    public long insertPending(Connection connection, NewAction action) throws SQLException {
        String table = action.kind().target().table();
        Long current = currentPendingMark(connection, table, action.targetId());
        if (current != null) {
            throw new IllegalStateException(action.kind().target().wireName() + " " + action.targetId()
                    + " already has pending action " + current);
        }
        long id;
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO actions (kind, target_type, "
                + "target_id, idempotency_key, request_json, state, created_at) VALUES (?, ?, ?, ?, ?, 'pending', ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            statement.setString(1, action.kind().wireName());
            statement.setString(2, action.kind().target().wireName());
            statement.setString(3, action.targetId());
            statement.setString(4, action.idempotencyKey());
            statement.setString(5, action.requestJson());
            Jdbc.setInstant(statement, 6, action.createdAt());
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("No id generated for the new action");
                }
                id = keys.getLong(1);
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE " + table + " SET pending_action_id = ? WHERE id = ?")) {
            statement.setLong(1, id);
            statement.setString(2, action.targetId());
            statement.executeUpdate();
        }
        return id;
    }

    private static Long currentPendingMark(Connection connection, String table, String targetId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT pending_action_id FROM " + table + " WHERE id = ?")) {
            statement.setString(1, targetId);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("No " + table + " row with id " + targetId);
                }
                return Jdbc.getNullableLong(rs, "pending_action_id");
            }
        }
    }

    /** The action is being handed to the network: counts the attempt. Allowed while it is open. */
    public void markSending(Connection connection, long actionId, Instant sentAt) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE actions SET state = 'sending', "
                + "sent_at = ?, attempts = attempts + 1 WHERE id = ? AND state IN ('pending', 'sending')")) {
            Jdbc.setInstant(statement, 1, sentAt);
            statement.setLong(2, actionId);
            requireOneRow(statement.executeUpdate(), actionId, "sending");
        }
    }

    /**
     * No answer came (offline, timeout, 5xx, 429): back to pending with the error noted, to be
     * sent again later with the same idempotency key. The record stays marked.
     */
    public void returnToPending(Connection connection, long actionId, String error) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE actions SET state = 'pending', "
                + "last_error = ? WHERE id = ? AND state IN ('pending', 'sending')")) {
            statement.setString(1, error);
            statement.setLong(2, actionId);
            requireOneRow(statement.executeUpdate(), actionId, "pending");
        }
    }

    /** The server applied the action; clears the record's pending mark. */
    public void markConfirmed(Connection connection, long actionId, ActionAnswer answer) throws SQLException {
        answer(connection, actionId, ActionState.CONFIRMED, answer);
    }

    /** The server refused the action (a problem answer, e.g. 409 not_cancelable); clears the mark. */
    public void markRefused(Connection connection, long actionId, ActionAnswer answer) throws SQLException {
        answer(connection, actionId, ActionState.REFUSED, answer);
    }

    /** The action can never be sent (e.g. 400 or 422 on our own request); clears the mark. */
    public void markFailed(Connection connection, long actionId, ActionAnswer answer) throws SQLException {
        answer(connection, actionId, ActionState.FAILED, answer);
    }

    private static void answer(Connection connection, long actionId, ActionState state, ActionAnswer answer)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE actions SET state = ?, "
                + "answered_at = ?, server_status = ?, server_code = ?, server_detail = ?, result_json = ?, "
                + "server_time = ? WHERE id = ? AND state IN ('pending', 'sending')")) {
            statement.setString(1, state.wireName());
            Jdbc.setInstant(statement, 2, answer.answeredAt());
            statement.setInt(3, answer.httpStatus());
            statement.setString(4, answer.code());
            statement.setString(5, answer.detail());
            statement.setString(6, answer.resultJson());
            Jdbc.setInstant(statement, 7, answer.serverTime());
            statement.setLong(8, actionId);
            requireOneRow(statement.executeUpdate(), actionId, state.wireName());
        }
        clearMark(connection, actionId);
    }

    private static void clearMark(Connection connection, long actionId) throws SQLException {
        for (RecordType type : RecordType.values()) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE " + type.table() + " SET pending_action_id = NULL WHERE pending_action_id = ?")) {
                statement.setLong(1, actionId);
                statement.executeUpdate();
            }
        }
    }

    private static void requireOneRow(int updated, long actionId, String newState) {
        if (updated != 1) {
            throw new IllegalStateException("Action " + actionId + " is unknown or already answered; cannot mark it "
                    + newState);
        }
    }

    public Optional<ActionRecord> findById(Connection connection, long actionId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT + " WHERE id = ?")) {
            statement.setLong(1, actionId);
            return first(statement);
        }
    }

    public Optional<ActionRecord> findByIdempotencyKey(Connection connection, String key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT + " WHERE idempotency_key = ?")) {
            statement.setString(1, key);
            return first(statement);
        }
    }

    /** Every action ever taken, newest first: the learner's action history. */
    public List<ActionRecord> history(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT + " ORDER BY created_at DESC, id DESC")) {
            return all(statement);
        }
    }

    /** The actions taken on one record, newest first. */
    public List<ActionRecord> historyOf(Connection connection, RecordType type, String targetId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT
                + " WHERE target_type = ? AND target_id = ? ORDER BY created_at DESC, id DESC")) {
            statement.setString(1, type.wireName());
            statement.setString(2, targetId);
            return all(statement);
        }
    }

    /**
     * The actions still waiting for an answer (pending, or sending when the app stopped
     * mid-request), oldest first: the order to send them in.
     */
    public List<ActionRecord> openOldestFirst(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                SELECT + " WHERE state IN ('pending', 'sending') ORDER BY id")) {
            return all(statement);
        }
    }

    private static Optional<ActionRecord> first(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            return rs.next() ? Optional.of(map(rs)) : Optional.empty();
        }
    }

    private static List<ActionRecord> all(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            List<ActionRecord> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(map(rs));
            }
            return rows;
        }
    }

    /** The row mapper. */
    static ActionRecord map(ResultSet rs) throws SQLException {
        return new ActionRecord(
                rs.getLong("id"),
                ActionKind.fromWire(rs.getString("kind")),
                RecordType.fromWire(rs.getString("target_type")),
                rs.getString("target_id"),
                rs.getString("idempotency_key"),
                rs.getString("request_json"),
                ActionState.fromWire(rs.getString("state")),
                Jdbc.getInstant(rs, "created_at"),
                Jdbc.getInstant(rs, "sent_at"),
                Jdbc.getInstant(rs, "answered_at"),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                Jdbc.getNullableInt(rs, "server_status"),
                rs.getString("server_code"),
                rs.getString("server_detail"),
                rs.getString("result_json"),
                Jdbc.getInstant(rs, "server_time"));
    }
}
