package com.coursedesk.data.db;

import com.coursedesk.domain.BillingInterval;
import com.coursedesk.domain.Channel;
import com.coursedesk.domain.Money;
import com.coursedesk.domain.Plan;
import com.coursedesk.domain.Product;
import com.coursedesk.domain.ProductType;
import com.coursedesk.domain.Subscription;
import com.coursedesk.domain.SubscriptionStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes {@code subscriptions}. Every method takes the connection of the unit of
 * work it belongs to, so several DAO calls share one transaction.
 */
public final class SubscriptionDao {

    private static final String COLUMNS = "id, product_id, product_title, product_type, product_partner, plan_id, "
            + "plan_interval, plan_price_minor, plan_price_currency, channel, status, started_at, trial_ends_at, "
            + "current_period_start, current_period_end, cancel_at_period_end, canceled_at, ended_at, "
            + "next_payment_at, next_payment_minor, next_payment_currency, deadlines_reset_at, updated_at, version";

    private static final String SELECT = "SELECT " + COLUMNS + ", pending_action_id FROM subscriptions s";
    private static final String ORDER = " ORDER BY s.started_at DESC, s.id DESC";

    // As for purchases: the pending mark survives, and an older version never wins.
    private static final String UPSERT = "INSERT INTO subscriptions (" + COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (id) DO UPDATE SET product_id = excluded.product_id, "
            + "product_title = excluded.product_title, product_type = excluded.product_type, "
            + "product_partner = excluded.product_partner, plan_id = excluded.plan_id, "
            + "plan_interval = excluded.plan_interval, plan_price_minor = excluded.plan_price_minor, "
            + "plan_price_currency = excluded.plan_price_currency, channel = excluded.channel, "
            + "status = excluded.status, started_at = excluded.started_at, trial_ends_at = excluded.trial_ends_at, "
            + "current_period_start = excluded.current_period_start, "
            + "current_period_end = excluded.current_period_end, "
            + "cancel_at_period_end = excluded.cancel_at_period_end, canceled_at = excluded.canceled_at, "
            + "ended_at = excluded.ended_at, next_payment_at = excluded.next_payment_at, "
            + "next_payment_minor = excluded.next_payment_minor, "
            + "next_payment_currency = excluded.next_payment_currency, "
            + "deadlines_reset_at = excluded.deadlines_reset_at, updated_at = excluded.updated_at, "
            + "version = excluded.version "
            + "WHERE excluded.version >= subscriptions.version";

    /** Inserts or updates every subscription in one prepared batch. */
    public void upsertAll(Connection connection, List<Subscription> subscriptions) throws SQLException {
        if (subscriptions.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            for (Subscription subscription : subscriptions) {
                bind(statement, subscription);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void bind(PreparedStatement s, Subscription sub) throws SQLException {
        int i = 1;
        s.setString(i++, sub.id());
        s.setString(i++, sub.product().id());
        s.setString(i++, sub.product().title());
        s.setString(i++, sub.product().type().wireName());
        s.setString(i++, sub.product().partner());
        s.setString(i++, sub.plan().id());
        s.setString(i++, sub.plan().interval().wireName());
        s.setLong(i++, sub.plan().price().amountMinor());
        s.setString(i++, sub.plan().price().currency().getCurrencyCode());
        s.setString(i++, sub.channel().wireName());
        s.setString(i++, sub.status().wireName());
        Jdbc.setInstant(s, i++, sub.startedAt());
        Jdbc.setInstant(s, i++, sub.trialEndsAt());
        Jdbc.setInstant(s, i++, sub.currentPeriodStart());
        Jdbc.setInstant(s, i++, sub.currentPeriodEnd());
        s.setInt(i++, sub.cancelAtPeriodEnd() ? 1 : 0);
        Jdbc.setInstant(s, i++, sub.canceledAt());
        Jdbc.setInstant(s, i++, sub.endedAt());
        Jdbc.setInstant(s, i++, sub.nextPaymentAt());
        if (sub.nextPaymentAmount() == null) {
            s.setNull(i++, Types.INTEGER);
            s.setNull(i++, Types.VARCHAR);
        } else {
            s.setLong(i++, sub.nextPaymentAmount().amountMinor());
            s.setString(i++, sub.nextPaymentAmount().currency().getCurrencyCode());
        }
        Jdbc.setInstant(s, i++, sub.deadlinesResetAt());
        Jdbc.setInstant(s, i++, sub.updatedAt());
        s.setLong(i, sub.version());
    }

    /** Deletes the subscriptions with these ids; returns how many existed. */
    public int deleteByIds(Connection connection, Collection<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        int deleted = 0;
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM subscriptions WHERE id = ?")) {
            for (String id : ids) {
                statement.setString(1, id);
                deleted += statement.executeUpdate();
            }
        }
        return deleted;
    }

    public Optional<StoredSubscription> findById(Connection connection, String id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT + " WHERE s.id = ?")) {
            statement.setString(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    /** Every subscription, most recently started first. */
    public List<StoredSubscription> findAll(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(SELECT + ORDER)) {
            List<StoredSubscription> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(map(rs));
            }
            return rows;
        }
    }

    public long count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM subscriptions")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The row mapper: one {@code subscriptions} row to the domain record. */
    static StoredSubscription map(ResultSet rs) throws SQLException {
        Product product = new Product(rs.getString("product_id"), rs.getString("product_title"),
                ProductType.fromWire(rs.getString("product_type")), rs.getString("product_partner"));
        Plan plan = new Plan(rs.getString("plan_id"), BillingInterval.fromWire(rs.getString("plan_interval")),
                new Money(rs.getLong("plan_price_minor"), Currency.getInstance(rs.getString("plan_price_currency"))));
        Long nextMinor = Jdbc.getNullableLong(rs, "next_payment_minor");
        Money nextAmount = nextMinor == null ? null
                : new Money(nextMinor, Currency.getInstance(rs.getString("next_payment_currency")));
        Subscription subscription = new Subscription(
                rs.getString("id"),
                product,
                plan,
                Channel.fromWire(rs.getString("channel")),
                SubscriptionStatus.fromWire(rs.getString("status")),
                Jdbc.getInstant(rs, "started_at"),
                Jdbc.getInstant(rs, "trial_ends_at"),
                Jdbc.getInstant(rs, "current_period_start"),
                Jdbc.getInstant(rs, "current_period_end"),
                rs.getInt("cancel_at_period_end") != 0,
                Jdbc.getInstant(rs, "canceled_at"),
                Jdbc.getInstant(rs, "ended_at"),
                Jdbc.getInstant(rs, "next_payment_at"),
                nextAmount,
                Jdbc.getInstant(rs, "deadlines_reset_at"),
                Jdbc.getInstant(rs, "updated_at"),
                rs.getLong("version"));
        return new StoredSubscription(subscription, Jdbc.getNullableLong(rs, "pending_action_id"));
    }
}
