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

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every purchase of one store generation ({@link PurchaseDao#generation}), newest first, with
 * its search text, searched in memory by the same rules as {@link PurchaseDao#search}.
 *
 * <p>Why in memory: a search that finds 20,000 of 100,000 purchases spends 85% of its time
 * reading the columns of those rows through JDBC (about 6 µs a row), not finding them. Why in
 * columns: held as domain objects, 100,000 purchases took 110 MB of heap (six strings, three
 * {@link Money}, four {@link Instant}s, a {@link Product} and a {@link PaymentMethod} each);
 * here the text of each column is UTF-8 in one byte array, repeated values (partners, cards,
 * currencies) are stored once, and times and amounts are primitive arrays: about a quarter of
 * that. A {@link Purchase} is made when asked for ({@link #purchase}), which the screens do
 * for the few rows on screen. Immutable, so threads may share one.
 */
public final class PurchaseSnapshot {

    // Long.MIN_VALUE as SQLite integer arithmetic (the literal itself would be read as a real).
    private static final String SQL_MIN = "(-9223372036854775807 - 1)";

    /**
     * What a snapshot reads, newest first, in as few columns as possible: each column read
     * through JDBC is a native call and an object or two, and 100,000 rows times 31 reads was
     * the largest part of opening a long history. The closed sets come as their ordinals
     * packed into one number (three bits each: kind, type, channel, status, 1 for a card);
     * the payment method as one text (brand and last four digits, or the PayPal address); the
     * three currencies as one 9-letter text; absent times and ids as Long.MIN_VALUE.
     */
    static final String SELECT = "SELECT id, "
            + ordinals("kind", wire(PurchaseKind.values())) + " | ("
            + ordinals("product_type", wire(ProductType.values())) + " << 3) | ("
            + ordinals("channel", wire(Channel.values())) + " << 6) | ("
            + ordinals("status", wire(PurchaseStatus.values())) + " << 9) | ((payment_type = 'card') << 12), "
            + "product_id, product_title, product_partner, subscription_id, amount_minor, tax_minor, total_minor, "
            + "amount_currency || tax_currency || total_currency, purchased_at, "
            + "IFNULL(refunded_at, " + SQL_MIN + "), IFNULL(refundable_until, " + SQL_MIN + "), receipt_number, "
            + "CASE WHEN payment_type = 'card' THEN card_brand || char(31) || card_last4 ELSE paypal_email END, "
            + "updated_at, version, IFNULL(pending_action_id, " + SQL_MIN + "), search_text "
            + "FROM purchases p ORDER BY p.purchased_at DESC, p.id DESC";

    private static final long NO_TIME = Long.MIN_VALUE;
    private static final long NO_ACTION = Long.MIN_VALUE;
    private static final PurchaseKind[] KINDS = PurchaseKind.values();
    private static final ProductType[] TYPES = ProductType.values();
    private static final Channel[] CHANNELS = Channel.values();
    private static final PurchaseStatus[] STATUSES = PurchaseStatus.values();

    private final long generation;
    private final int size;
    private final Text ids;
    private final Text productIds;
    private final Text titles;
    private final Text subscriptionIds;
    private final Text receiptNumbers;
    private final Text searchTexts;
    private final int[] partner;
    private final String[] partners;
    private final int[] payment;
    private final PaymentMethod[] payments;
    private final byte[] kind;
    private final byte[] type;
    private final byte[] channel;
    private final byte[] status;
    private final long[] amountMinor;
    private final long[] taxMinor;
    private final long[] totalMinor;
    private final byte[] amountCurrency;
    private final byte[] taxCurrency;
    private final byte[] totalCurrency;
    private final Currency[] currencies;
    private final long[] purchasedAt;
    private final long[] refundedAt;
    private final long[] refundableUntil;
    private final long[] updatedAt;
    private final long[] version;
    private final long[] pendingAction;

    private PurchaseSnapshot(long generation, Builder b) {
        this.generation = generation;
        this.size = b.size;
        this.ids = b.ids.build();
        this.productIds = b.productIds.build();
        this.titles = b.titles.build();
        this.subscriptionIds = b.subscriptionIds.build();
        this.receiptNumbers = b.receiptNumbers.build();
        this.searchTexts = b.searchTexts.build();
        this.partner = fit(b.partner, size);
        this.partners = b.partners.values();
        this.payment = fit(b.payment, size);
        this.payments = b.payments.toArray(PaymentMethod[]::new);
        this.kind = fit(b.kind, size);
        this.type = fit(b.type, size);
        this.channel = fit(b.channel, size);
        this.status = fit(b.status, size);
        this.amountMinor = fit(b.amountMinor, size);
        this.taxMinor = fit(b.taxMinor, size);
        this.totalMinor = fit(b.totalMinor, size);
        this.amountCurrency = fit(b.amountCurrency, size);
        this.taxCurrency = fit(b.taxCurrency, size);
        this.totalCurrency = fit(b.totalCurrency, size);
        this.currencies = b.currencies.toArray(Currency[]::new);
        this.purchasedAt = fit(b.purchasedAt, size);
        this.refundedAt = fit(b.refundedAt, size);
        this.refundableUntil = fit(b.refundableUntil, size);
        this.updatedAt = fit(b.updatedAt, size);
        this.version = fit(b.version, size);
        this.pendingAction = fit(b.pendingAction, size);
    }

    /** The array itself when it is exactly full, else a copy of its first {@code size} elements. */
    private static int[] fit(int[] a, int size) {
        return a.length == size ? a : Arrays.copyOf(a, size);
    }

    private static long[] fit(long[] a, int size) {
        return a.length == size ? a : Arrays.copyOf(a, size);
    }

    private static byte[] fit(byte[] a, int size) {
        return a.length == size ? a : Arrays.copyOf(a, size);
    }

    /** How many rows and text bytes a snapshot will hold, to size its arrays once. */
    record Capacity(int rows, long idBytes, long productIdBytes, long titleBytes, long subscriptionIdBytes,
                    long receiptBytes, long searchTextBytes) {

        /** The capacity of every purchase in the store, counted in the read transaction that reads them. */
        static final String COUNT = "SELECT count(*), total(length(CAST(id AS BLOB))), "
                + "total(length(CAST(product_id AS BLOB))), total(length(CAST(product_title AS BLOB))), "
                + "total(length(CAST(subscription_id AS BLOB))), total(length(CAST(receipt_number AS BLOB))), "
                + "total(length(CAST(search_text AS BLOB))) FROM purchases";
    }

    /** The store generation these purchases are from. */
    public long generation() {
        return generation;
    }

    public int size() {
        return size;
    }

    // ----- one purchase -----

    /** The whole purchase at {@code index}, made on each call. */
    public Purchase purchase(int index) {
        return new Purchase(ids.get(index), KINDS[kind[index]],
                new Product(productIds.get(index), titles.get(index), TYPES[type[index]], partners[partner[index]]),
                subscriptionIds.get(index),
                new Money(amountMinor[index], currencies[amountCurrency[index]]),
                new Money(taxMinor[index], currencies[taxCurrency[index]]),
                total(index), CHANNELS[channel[index]], STATUSES[status[index]],
                instant(purchasedAt[index]), instant(refundedAt[index]), instant(refundableUntil[index]),
                receiptNumbers.get(index), payments[payment[index]], instant(updatedAt[index]), version[index]);
    }

    public String id(int index) {
        return ids.get(index);
    }

    public String title(int index) {
        return titles.get(index);
    }

    public String partner(int index) {
        return partners[partner[index]];
    }

    public String receiptNumber(int index) {
        return receiptNumbers.get(index);
    }

    public ProductType type(int index) {
        return TYPES[type[index]];
    }

    public Channel channel(int index) {
        return CHANNELS[channel[index]];
    }

    public PurchaseStatus status(int index) {
        return STATUSES[status[index]];
    }

    public Money total(int index) {
        return new Money(totalMinor[index], currencies[totalCurrency[index]]);
    }

    public long totalMinor(int index) {
        return totalMinor[index];
    }

    public Currency totalCurrency(int index) {
        return currencies[totalCurrency[index]];
    }

    /** When it was bought, in milliseconds since the epoch (how the store keeps times). */
    public long purchasedAtMillis(int index) {
        return purchasedAt[index];
    }

    public boolean hasPendingAction(int index) {
        return pendingAction[index] != NO_ACTION;
    }

    /** The index of the purchase with this id, or -1; compares bytes, making no strings. */
    public int indexOf(String id) {
        byte[] wanted = id.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < size; i++) {
            if (ids.equalsAt(i, wanted)) {
                return i;
            }
        }
        return -1;
    }

    // ----- search -----

    /** The indexes of the purchases matching {@code query}, newest first: what {@link PurchaseDao#search} returns. */
    public int[] search(PurchaseQuery query) {
        Objects.requireNonNull(query, "query");
        // Stored search texts are folded (SearchText.document), and so are the terms: a term
        // occurs in a text exactly when the trigram index or LIKE finds it there. UTF-8 is
        // self-synchronising, so a byte match is a character match.
        List<byte[]> terms = SearchText.terms(query.text()).stream()
                .map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
        boolean[] statuses = allowed(STATUSES.length, query.statuses().stream().mapToInt(Enum::ordinal).toArray());
        boolean[] types = allowed(TYPES.length, query.productTypes().stream().mapToInt(Enum::ordinal).toArray());
        boolean[] channels = allowed(CHANNELS.length, query.channels().stream().mapToInt(Enum::ordinal).toArray());
        boolean[] kinds = allowed(KINDS.length, query.kinds().stream().mapToInt(Enum::ordinal).toArray());
        long from = query.purchasedFrom() == null ? Long.MIN_VALUE : query.purchasedFrom().toEpochMilli();
        long before = query.purchasedBefore() == null ? Long.MAX_VALUE : query.purchasedBefore().toEpochMilli();
        int[] found = new int[size];
        int count = 0;
        for (int i = 0; i < size; i++) {
            if ((count & 0xFFFF) == 0xFFFF && Thread.currentThread().isInterrupted()) {
                throw new StoreException("Interrupted while searching purchases");
            }
            if (statuses[status[i]] && types[type[i]] && channels[channel[i]] && kinds[kind[i]]
                    && purchasedAt[i] >= from && purchasedAt[i] < before && searchTexts.containsAll(i, terms)) {
                found[count++] = i;
            }
        }
        return Arrays.copyOf(found, count);
    }

    /** Which ordinals pass: all of them when none is asked for. */
    private static boolean[] allowed(int values, int[] chosen) {
        boolean[] ok = new boolean[values];
        if (chosen.length == 0) {
            Arrays.fill(ok, true);
        }
        for (int ordinal : chosen) {
            ok[ordinal] = true;
        }
        return ok;
    }

    private static String[] wire(WireEnum[] values) {
        String[] names = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            names[i] = values[i].wireName();
        }
        return names;
    }

    /**
     * {@code CASE column WHEN 'wire0' THEN 0 ... ELSE 7 END}: the wire names are the domain's
     * constants (at most 7, so each fits in three bits).
     */
    private static String ordinals(String column, String[] wireNames) {
        if (wireNames.length > 7) {
            throw new IllegalStateException(column + " has more values than three bits hold with 7 for unknown");
        }
        StringBuilder sql = new StringBuilder("CASE ").append(column);
        for (int i = 0; i < wireNames.length; i++) {
            sql.append(" WHEN '").append(wireNames[i].replace("'", "''")).append("' THEN ").append(i);
        }
        return sql.append(" ELSE 7 END").toString();
    }

    private static Instant instant(long millis) {
        return millis == NO_TIME ? null : Instant.ofEpochMilli(millis);
    }

    // ----- building -----

    /** Collects purchases in order (newest first) and makes the snapshot. */
    public static final class Builder {

        private int size;
        private final TextBuilder ids;
        private final TextBuilder productIds;
        private final TextBuilder titles;
        private final TextBuilder subscriptionIds;
        private final TextBuilder receiptNumbers;
        private final TextBuilder searchTexts;
        private final Dictionary<String> partners = new Dictionary<>();
        private final Dictionary<PaymentMethod> paymentDictionary = new Dictionary<>();
        private final List<PaymentMethod> payments = paymentDictionary.list;
        private final Dictionary<Currency> currencyDictionary = new Dictionary<>();
        private final List<Currency> currencies = currencyDictionary.list;
        private final List<byte[]> currencyCodes = new ArrayList<>();
        private final Map<String, Integer> paymentByText = new HashMap<>();
        private int[] partner;
        private int[] payment;
        private byte[] kind;
        private byte[] type;
        private byte[] channel;
        private byte[] status;
        private long[] amountMinor;
        private long[] taxMinor;
        private long[] totalMinor;
        private byte[] amountCurrency;
        private byte[] taxCurrency;
        private byte[] totalCurrency;
        private long[] purchasedAt;
        private long[] refundedAt;
        private long[] refundableUntil;
        private long[] updatedAt;
        private long[] version;
        private long[] pendingAction;

        public Builder() {
            this(new Capacity(64, 24 * 64, 24 * 64, 32 * 64, 4 * 64, 20 * 64, 64 * 64));
        }

        /**
         * A builder whose arrays are made at their final size when the capacity is exact (as
         * {@link PurchaseDao#snapshot} counts it): 100,000 rows are not copied again and again
         * while they are read, nor once more at the end. It still grows if more rows come.
         */
        Builder(Capacity capacity) {
            int n = Math.max(1, capacity.rows());
            ids = new TextBuilder(n, capacity.idBytes());
            productIds = new TextBuilder(n, capacity.productIdBytes());
            titles = new TextBuilder(n, capacity.titleBytes());
            subscriptionIds = new TextBuilder(n, capacity.subscriptionIdBytes());
            receiptNumbers = new TextBuilder(n, capacity.receiptBytes());
            searchTexts = new TextBuilder(n, capacity.searchTextBytes());
            partner = new int[n];
            payment = new int[n];
            kind = new byte[n];
            type = new byte[n];
            channel = new byte[n];
            status = new byte[n];
            amountMinor = new long[n];
            taxMinor = new long[n];
            totalMinor = new long[n];
            amountCurrency = new byte[n];
            taxCurrency = new byte[n];
            totalCurrency = new byte[n];
            purchasedAt = new long[n];
            refundedAt = new long[n];
            refundableUntil = new long[n];
            updatedAt = new long[n];
            version = new long[n];
            pendingAction = new long[n];
        }

        public int size() {
            return size;
        }

        /** Adds one purchase; its search text is made as the store makes it. */
        public Builder add(Purchase p, Long pendingActionId) {
            return add(p, pendingActionId,
                    SearchText.document(p.product().title(), p.product().partner(), p.receiptNumber())
                            .getBytes(StandardCharsets.UTF_8));
        }

        /** Adds one purchase with its stored search text (UTF-8). */
        Builder add(Purchase p, Long pendingActionId, byte[] searchText) {
            grow();
            int i = size;
            ids.add(p.id());
            productIds.add(p.product().id());
            titles.add(p.product().title());
            subscriptionIds.add(p.subscriptionId());
            receiptNumbers.add(p.receiptNumber());
            searchTexts.add(searchText);
            partner[i] = partners.indexOf(p.product().partner());
            payment[i] = paymentDictionary.indexOf(p.paymentMethod());
            kind[i] = (byte) p.kind().ordinal();
            type[i] = (byte) p.product().type().ordinal();
            channel[i] = (byte) p.channel().ordinal();
            status[i] = (byte) p.status().ordinal();
            amountMinor[i] = p.amount().amountMinor();
            taxMinor[i] = p.tax().amountMinor();
            totalMinor[i] = p.total().amountMinor();
            amountCurrency[i] = currency(p.amount().currency());
            taxCurrency[i] = currency(p.tax().currency());
            totalCurrency[i] = currency(p.total().currency());
            purchasedAt[i] = millis(p.purchasedAt());
            refundedAt[i] = millis(p.refundedAt());
            refundableUntil[i] = millis(p.refundableUntil());
            updatedAt[i] = millis(p.updatedAt());
            version[i] = p.version();
            pendingAction[i] = pendingActionId == null ? NO_ACTION : pendingActionId;
            size++;
            return this;
        }

        /**
         * Adds the current row of {@link #SELECT}, reading text as bytes and the closed sets
         * (kind, type, channel, status, payment type) as the numbers SQLite maps them to: no
         * String is made for them (reading 100,000 rows as Strings made over 200 MB of garbage).
         */
        void addRow(ResultSet rs) throws SQLException {
            grow();
            int i = size;
            ids.add(text(rs, 1, false));
            int sets = rs.getInt(2);
            kind[i] = ordinal(sets, KINDS.length, "kind");
            type[i] = ordinal(sets >> 3, TYPES.length, "product type");
            channel[i] = ordinal(sets >> 6, CHANNELS.length, "channel");
            status[i] = ordinal(sets >> 9, STATUSES.length, "status");
            boolean card = (sets >> 12 & 1) == 1;
            productIds.add(text(rs, 3, false));
            titles.add(text(rs, 4, false));
            partner[i] = partners.indexOf(rs.getString(5));
            subscriptionIds.add(text(rs, 6, true));
            amountMinor[i] = rs.getLong(7);
            taxMinor[i] = rs.getLong(8);
            totalMinor[i] = rs.getLong(9);
            byte[] codes = rs.getBytes(10);
            if (codes == null || codes.length != 9) {
                throw new StoreException("A purchase in the local copy has an unreadable currency");
            }
            amountCurrency[i] = currency(codes, 0);
            taxCurrency[i] = currency(codes, 3);
            totalCurrency[i] = currency(codes, 6);
            purchasedAt[i] = rs.getLong(11);
            refundedAt[i] = rs.getLong(12);
            refundableUntil[i] = rs.getLong(13);
            receiptNumbers.add(text(rs, 14, false));
            payment[i] = payment(card, rs.getString(15));
            updatedAt[i] = rs.getLong(16);
            version[i] = rs.getLong(17);
            pendingAction[i] = rs.getLong(18);
            byte[] text = rs.getBytes(19);
            searchTexts.add(text == null ? new byte[0] : text);
            size++;
        }

        private static byte ordinal(int packed, int values, String name) {
            int ordinal = packed & 7;
            if (ordinal >= values) {
                throw new StoreException("A purchase in the local copy has an unknown " + name);
            }
            return (byte) ordinal;
        }

        /** The payment method of its one-text form, made once per distinct method. */
        private int payment(boolean card, String text) {
            String key = (card ? "c" : "p") + text;
            Integer known = paymentByText.get(key);
            if (known != null) {
                return known;
            }
            PaymentMethod method;
            if (card) {
                int separator = text == null ? -1 : text.indexOf('\u001f');
                if (separator < 0) {
                    throw new StoreException("A purchase in the local copy has an unreadable card");
                }
                method = new PaymentMethod.Card(text.substring(0, separator), text.substring(separator + 1));
            } else {
                method = new PaymentMethod.PayPal(text);
            }
            int index = paymentDictionary.indexOf(method);
            paymentByText.put(key, index);
            return index;
        }

        /** The currency of the 3-letter code at {@code from}, looked up once per distinct code. */
        private byte currency(byte[] codes, int from) {
            for (int k = 0; k < currencyCodes.size(); k++) {
                byte[] known = currencyCodes.get(k);
                if (known != null && Arrays.equals(known, 0, 3, codes, from, from + 3)) {
                    return (byte) k;
                }
            }
            byte[] code = Arrays.copyOfRange(codes, from, from + 3);
            byte index = currency(Currency.getInstance(new String(code, StandardCharsets.US_ASCII)));
            while (currencyCodes.size() <= index) {
                currencyCodes.add(null);
            }
            currencyCodes.set(index, code);
            return index;
        }

        /** SQLite gives no bytes for an empty text: empty, or null where the column may be null. */
        private static byte[] text(ResultSet rs, int column, boolean nullable) throws SQLException {
            byte[] bytes = rs.getBytes(column);
            return bytes == null && !nullable ? new byte[0] : bytes;
        }

        private byte currency(Currency currency) {
            int index = currencyDictionary.indexOf(currency);
            if (index > Byte.MAX_VALUE) {
                throw new IllegalStateException("More than 128 currencies in one history");
            }
            return (byte) index;
        }

        private static long millis(Instant instant) {
            return instant == null ? NO_TIME : instant.toEpochMilli();
        }

        private void grow() {
            if (size < kind.length) {
                return;
            }
            int n = kind.length * 2;
            partner = Arrays.copyOf(partner, n);
            payment = Arrays.copyOf(payment, n);
            kind = Arrays.copyOf(kind, n);
            type = Arrays.copyOf(type, n);
            channel = Arrays.copyOf(channel, n);
            status = Arrays.copyOf(status, n);
            amountMinor = Arrays.copyOf(amountMinor, n);
            taxMinor = Arrays.copyOf(taxMinor, n);
            totalMinor = Arrays.copyOf(totalMinor, n);
            amountCurrency = Arrays.copyOf(amountCurrency, n);
            taxCurrency = Arrays.copyOf(taxCurrency, n);
            totalCurrency = Arrays.copyOf(totalCurrency, n);
            purchasedAt = Arrays.copyOf(purchasedAt, n);
            refundedAt = Arrays.copyOf(refundedAt, n);
            refundableUntil = Arrays.copyOf(refundableUntil, n);
            updatedAt = Arrays.copyOf(updatedAt, n);
            version = Arrays.copyOf(version, n);
            pendingAction = Arrays.copyOf(pendingAction, n);
        }

        public PurchaseSnapshot build(long generation) {
            return new PurchaseSnapshot(generation, this);
        }
    }

    /** Each distinct value once, in the order first seen. */
    private static final class Dictionary<T> {
        private final Map<T, Integer> index = new HashMap<>();
        private final List<T> list = new ArrayList<>();

        int indexOf(T value) {
            Integer known = index.get(value);
            if (known != null) {
                return known;
            }
            index.put(value, list.size());
            list.add(value);
            return list.size() - 1;
        }

        String[] values() {
            return list.toArray(String[]::new);
        }
    }

    /** One text column: every value's UTF-8 bytes end to end; a null value has offset -1. */
    private static final class Text {
        private final byte[] bytes;
        private final int[] starts;
        private final int[] ends;

        Text(byte[] bytes, int[] starts, int[] ends) {
            this.bytes = bytes;
            this.starts = starts;
            this.ends = ends;
        }

        String get(int i) {
            int start = starts[i];
            return start < 0 ? null : new String(bytes, start, ends[i] - start, StandardCharsets.UTF_8);
        }

        boolean equalsAt(int i, byte[] wanted) {
            int start = starts[i];
            return start >= 0 && ends[i] - start == wanted.length
                    && Arrays.equals(bytes, start, ends[i], wanted, 0, wanted.length);
        }

        boolean containsAll(int i, List<byte[]> terms) {
            int start = starts[i];
            int end = ends[i];
            for (byte[] term : terms) {
                if (start < 0 || !contains(bytes, start, end, term)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean contains(byte[] text, int start, int end, byte[] term) {
            if (term.length == 0) {
                return true;
            }
            byte first = term[0];
            int last = end - term.length;
            outer:
            for (int at = start; at <= last; at++) {
                if (text[at] != first) {
                    continue;
                }
                for (int k = 1; k < term.length; k++) {
                    if (text[at + k] != term[k]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }

    private static final class TextBuilder {
        private byte[] bytes;
        private int length;
        private int[] starts;
        private int[] ends;
        private int count;

        TextBuilder(int values, long bytesInAll) {
            starts = new int[values];
            ends = new int[values];
            bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 16, Math.max(64, bytesInAll))];
        }

        void add(String value) {
            add(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        }

        void add(byte[] value) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            if (value == null) {
                starts[count] = -1;
                ends[count] = -1;
            } else {
                if (length + value.length > bytes.length) {
                    bytes = Arrays.copyOf(bytes, Math.max(bytes.length + bytes.length / 2, length + value.length));
                }
                System.arraycopy(value, 0, bytes, length, value.length);
                starts[count] = length;
                length += value.length;
                ends[count] = length;
            }
            count++;
        }

        Text build() {
            return new Text(fit(bytes, length), fit(starts, count), fit(ends, count));
        }
    }
}
