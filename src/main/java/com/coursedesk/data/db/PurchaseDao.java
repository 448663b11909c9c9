package com.coursedesk.data.db;

import com.coursedesk.domain.Channel;
import com.coursedesk.domain.Money;
import com.coursedesk.domain.PaymentMethod;
import com.coursedesk.domain.Product;
import com.coursedesk.domain.ProductType;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.PurchaseKind;
import com.coursedesk.domain.PurchaseStatus;
import com.coursedesk.domain.WireEnum;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes {@code purchases}. Every method takes the connection of the unit of
 * work it belongs to ({@link LocalStore#write} or {@link LocalStore#read}), so several DAO
 * calls share one transaction.
 */
public final class PurchaseDao {

    private static final int BATCH_SIZE = 500;

    private static final String COLUMNS = "id, kind, product_id, product_title, product_type, product_partner, "
            + "subscription_id, amount_minor, amount_currency, tax_minor, tax_currency, total_minor, "
            + "total_currency, channel, status, purchased_at, refunded_at, refundable_until, receipt_number, "
            + "payment_type, card_brand, card_last4, paypal_email, updated_at, version";

    private static final String SELECT = "SELECT " + COLUMNS + ", pending_action_id FROM purchases p";
    private static final String NEWEST_FIRST = " ORDER BY p.purchased_at DESC, p.id DESC";

    // pending_action_id is left out of the update: a pending action stays pending until its
    // own answer arrives. An older copy (lower version) never overwrites a newer one, e.g. a
    // sync page fetched before an action's answer but applied after it.
    private static final String UPSERT = "INSERT INTO purchases (" + COLUMNS + ", search_text) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, product_id = excluded.product_id, "
            + "product_title = excluded.product_title, product_type = excluded.product_type, "
            + "product_partner = excluded.product_partner, subscription_id = excluded.subscription_id, "
            + "amount_minor = excluded.amount_minor, amount_currency = excluded.amount_currency, "
            + "tax_minor = excluded.tax_minor, tax_currency = excluded.tax_currency, "
            + "total_minor = excluded.total_minor, total_currency = excluded.total_currency, "
            + "channel = excluded.channel, status = excluded.status, purchased_at = excluded.purchased_at, "
            + "refunded_at = excluded.refunded_at, refundable_until = excluded.refundable_until, "
            + "receipt_number = excluded.receipt_number, payment_type = excluded.payment_type, "
            + "card_brand = excluded.card_brand, card_last4 = excluded.card_last4, "
            + "paypal_email = excluded.paypal_email, updated_at = excluded.updated_at, "
            + "version = excluded.version, search_text = excluded.search_text "
            + "WHERE excluded.version >= purchases.version";

    /** Inserts or updates every purchase in one prepared batch (see the class comment on pending marks). */
    public void upsertAll(Connection connection, List<Purchase> purchases) throws SQLException {
        if (purchases.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            int inBatch = 0;
            for (Purchase purchase : purchases) {
                bind(statement, purchase);
                statement.addBatch();
                if (++inBatch == BATCH_SIZE) {
                    statement.executeBatch();
                    inBatch = 0;
                }
            }
            if (inBatch > 0) {
                statement.executeBatch();
            }
        }
    }

    /**
     * Binds a purchase as {@link #COLUMNS} and its search text. The values are set through one
     * call site in a loop: 26 setter calls inlined one after the other made this method's
     * compilation take a tenth of a second of CPU during the first syncs of a session.
     */
    private static void bind(PreparedStatement s, Purchase p) throws SQLException {
        Object[] row = new Object[26];
        Product product = p.product();
        row[0] = p.id();
        row[1] = p.kind().wireName();
        row[2] = product.id();
        row[3] = product.title();
        row[4] = product.type().wireName();
        row[5] = product.partner();
        row[6] = p.subscriptionId();
        money(row, 7, p.amount());
        money(row, 9, p.tax());
        money(row, 11, p.total());
        row[13] = p.channel().wireName();
        row[14] = p.status().wireName();
        row[15] = epochMilli(p.purchasedAt());
        row[16] = epochMilli(p.refundedAt());
        row[17] = epochMilli(p.refundableUntil());
        row[18] = p.receiptNumber();
        if (p.paymentMethod() instanceof PaymentMethod.Card card) {
            row[19] = "card";
            row[20] = card.brand();
            row[21] = card.last4();
        } else if (p.paymentMethod() instanceof PaymentMethod.PayPal payPal) {
            row[19] = "paypal";
            row[22] = payPal.maskedEmail();
        } else {
            throw new IllegalArgumentException("Unknown payment method " + p.paymentMethod());
        }
        row[23] = epochMilli(p.updatedAt());
        row[24] = p.version();
        row[25] = SearchText.document(product.title(), product.partner(), p.receiptNumber());
        for (int i = 0; i < row.length; i++) {
            // A String, a Long or null (SQL NULL): what setString, setLong and setNull would bind.
            s.setObject(i + 1, row[i]);
        }
    }

    private static void money(Object[] row, int index, Money money) {
        row[index] = money.amountMinor();
        row[index + 1] = money.currency().getCurrencyCode();
    }

    private static Long epochMilli(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    /** Deletes the purchases with these ids; returns how many existed. */
    public int deleteByIds(Connection connection, Collection<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        int deleted = 0;
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM purchases WHERE id = ?")) {
            for (String id : ids) {
                statement.setString(1, id);
                deleted += statement.executeUpdate();
            }
        }
        return deleted;
    }

    public Optional<StoredPurchase> findById(Connection connection, String id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT + " WHERE p.id = ?")) {
            statement.setString(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    /** Every purchase, newest first (ties broken by id, so the order is stable). */
    public List<StoredPurchase> findAll(Connection connection) throws SQLException {
        return list(connection, SELECT + NEWEST_FIRST, List.of());
    }

    /** The payments of one subscription, newest first. */
    public List<StoredPurchase> findBySubscription(Connection connection, String subscriptionId) throws SQLException {
        return list(connection, SELECT + " WHERE p.subscription_id = ?" + NEWEST_FIRST, List.of(subscriptionId));
    }

    public long count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM purchases")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * A number that changes whenever any purchase is added, changed or removed (migration V2):
     * equal numbers mean the same purchases, so a reader can skip reading them again.
     */
    public long generation(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT purchases_generation FROM store_info WHERE id = 1")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /**
     * Every purchase with its search text, newest first, and the generation they are from,
     * read in one snapshot (run it inside one {@link LocalStore#read}).
     */
    public PurchaseSnapshot snapshot(Connection connection) throws SQLException {
        long generation = generation(connection);
        PurchaseSnapshot.Builder builder = new PurchaseSnapshot.Builder(capacity(connection));
        try (PreparedStatement statement = connection.prepareStatement(PurchaseSnapshot.SELECT);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                if ((builder.size() & 1023) == 1023 && Thread.currentThread().isInterrupted()) {
                    throw new StoreException("Interrupted while reading purchases");
                }
                builder.addRow(rs);
            }
        }
        return builder.build(generation);
    }

    private static PurchaseSnapshot.Capacity capacity(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(PurchaseSnapshot.Capacity.COUNT);
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return new PurchaseSnapshot.Capacity(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                    rs.getLong(5), rs.getLong(6), rs.getLong(7));
        }
    }

    /** The purchases matching {@code query}, newest first. */
    public List<StoredPurchase> search(Connection connection, PurchaseQuery query) throws SQLException {
        List<Object> args = new ArrayList<>();
        String where = where(connection, query, args);
        return list(connection, SELECT + where + NEWEST_FIRST, args);
    }

    /** The ids of the purchases matching {@code query}, newest first. */
    public List<String> searchIds(Connection connection, PurchaseQuery query) throws SQLException {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT p.id FROM purchases p" + where(connection, query, args) + NEWEST_FIRST;
        try (PreparedStatement statement = prepare(connection, sql, args); ResultSet rs = statement.executeQuery()) {
            List<String> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        }
    }

    /** How many purchases match {@code query}. */
    public long count(Connection connection, PurchaseQuery query) throws SQLException {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT COUNT(*) FROM purchases p" + where(connection, query, args);
        try (PreparedStatement statement = prepare(connection, sql, args); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The calendar years (in {@code zone}) that have purchases, newest first. One index
     * seek per year, so it stays cheap for a long history.
     */
    public List<Integer> years(Connection connection, ZoneId zone) throws SQLException {
        List<Integer> years = new ArrayList<>();
        String sql = "SELECT purchased_at FROM purchases WHERE purchased_at < ? ORDER BY purchased_at DESC LIMIT 1";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            long bound = Long.MAX_VALUE;
            while (true) {
                statement.setLong(1, bound);
                try (ResultSet rs = statement.executeQuery()) {
                    if (!rs.next()) {
                        return years;
                    }
                    ZonedDateTime at = Instant.ofEpochMilli(rs.getLong(1)).atZone(zone);
                    years.add(at.getYear());
                    bound = at.toLocalDate().withDayOfYear(1).atStartOfDay(zone).toInstant().toEpochMilli();
                }
            }
        }
    }

    private static String where(Connection connection, PurchaseQuery query, List<Object> args) throws SQLException {
        List<String> conditions = new ArrayList<>();
        List<String> ftsTerms = new ArrayList<>();
        List<String> terms = SearchText.terms(query.text());
        // A bulk load fills the search index only after its end (SyncStateDao).
        boolean indexReady = terms.isEmpty() || SyncStateDao.isSearchIndexReady(connection);
        for (String term : terms) {
            // The trigram index cannot match fewer than three characters.
            if (indexReady && term.codePointCount(0, term.length()) >= 3) {
                ftsTerms.add("\"" + term.replace("\"", "\"\"") + "\"");
            } else {
                conditions.add("p.search_text LIKE ? ESCAPE '\\'");
                args.add("%" + escapeLike(term) + "%");
            }
        }
        if (!ftsTerms.isEmpty()) {
            conditions.add(0, "p.rid IN (SELECT rowid FROM purchase_search WHERE purchase_search MATCH ?)");
            args.add(0, String.join(" AND ", ftsTerms));
        }
        inList(conditions, args, "p.status", query.statuses());
        inList(conditions, args, "p.product_type", query.productTypes());
        inList(conditions, args, "p.channel", query.channels());
        inList(conditions, args, "p.kind", query.kinds());
        if (query.purchasedFrom() != null) {
            conditions.add("p.purchased_at >= ?");
            args.add(query.purchasedFrom().toEpochMilli());
        }
        if (query.purchasedBefore() != null) {
            conditions.add("p.purchased_at < ?");
            args.add(query.purchasedBefore().toEpochMilli());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static void inList(List<String> conditions, List<Object> args, String column,
                               Set<? extends WireEnum> values) {
        if (values.isEmpty()) {
            return;
        }
        conditions.add(column + " IN (" + Jdbc.placeholders(values.size()) + ")");
        values.stream().map(WireEnum::wireName).sorted().forEach(args::add);
    }

    private static String escapeLike(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> args) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < args.size(); i++) {
                statement.setObject(i + 1, args.get(i));
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    private static List<StoredPurchase> list(Connection connection, String sql, List<Object> args) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, args); ResultSet rs = statement.executeQuery()) {
            List<StoredPurchase> rows = new ArrayList<>();
            Map<String, String> shared = new HashMap<>();
            while (rs.next()) {
                if ((rows.size() & 1023) == 1023 && Thread.currentThread().isInterrupted()) {
                    // Whoever asked has moved on (a newer search): stop reading a long history.
                    throw new StoreException("Interrupted while reading purchases");
                }
                rows.add(map(rs, shared));
            }
            return rows;
        }
    }

    /**
     * The row mapper: one {@code purchases} row (selected as {@link #COLUMNS} followed by
     * {@code pending_action_id}) to the domain record. Columns are read by position because
     * looking them up by name dominated the cost of reading a 100,000-row history.
     */
    static StoredPurchase map(ResultSet rs) throws SQLException {
        return map(rs, null);
    }

    /**
     * @param shared when reading many rows: one String per distinct value of the columns that
     *               repeat (a subscription's product, the partner, the card), so a long history
     *               holds each once instead of once a row; null to keep what JDBC returns
     */
    static StoredPurchase map(ResultSet rs, Map<String, String> shared) throws SQLException {
        Product product = new Product(shared(rs, 3, shared), shared(rs, 4, shared),
                ProductType.fromWire(rs.getString(5)), shared(rs, 6, shared));
        PaymentMethod paymentMethod = "card".equals(rs.getString(20))
                ? new PaymentMethod.Card(shared(rs, 21, shared), shared(rs, 22, shared))
                : new PaymentMethod.PayPal(shared(rs, 23, shared));
        Purchase purchase = new Purchase(
                rs.getString(1),
                PurchaseKind.fromWire(rs.getString(2)),
                product,
                shared(rs, 7, shared),
                money(rs, 8),
                money(rs, 10),
                money(rs, 12),
                Channel.fromWire(rs.getString(14)),
                PurchaseStatus.fromWire(rs.getString(15)),
                Jdbc.getInstant(rs, 16),
                Jdbc.getInstant(rs, 17),
                Jdbc.getInstant(rs, 18),
                rs.getString(19),
                paymentMethod,
                Jdbc.getInstant(rs, 24),
                rs.getLong(25));
        return new StoredPurchase(purchase, Jdbc.getNullableLong(rs, 26));
    }

    private static String shared(ResultSet rs, int column, Map<String, String> shared) throws SQLException {
        String value = rs.getString(column);
        return value == null || shared == null ? value : shared.computeIfAbsent(value, v -> v);
    }

    private static Money money(ResultSet rs, int amountIndex) throws SQLException {
        return new Money(rs.getLong(amountIndex), Currency.getInstance(rs.getString(amountIndex + 1)));
    }
}
