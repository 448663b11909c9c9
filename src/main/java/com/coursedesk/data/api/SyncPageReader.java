package com.coursedesk.data.api;

import com.coursedesk.domain.BillingInterval;
import com.coursedesk.domain.Channel;
import com.coursedesk.domain.Money;
import com.coursedesk.domain.PaymentMethod;
import com.coursedesk.domain.Plan;
import com.coursedesk.domain.Product;
import com.coursedesk.domain.ProductType;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.PurchaseKind;
import com.coursedesk.domain.PurchaseStatus;
import com.coursedesk.domain.Subscription;
import com.coursedesk.domain.SubscriptionStatus;
import com.coursedesk.domain.WireEnum;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a {@code GET /v1/sync} body straight from its UTF-8 bytes into domain records, in one
 * pass with no JSON tree, no DTOs and no String for a name or an enum value. Gson's reflective
 * binding and {@link DtoMapper} took most of the time of reading a page, and their many hot
 * methods were still being compiled during the first full syncs of a session.
 *
 * <p>It reads only what it is sure of: a page as the contract writes it, with unknown fields
 * skipped. Anything else (a missing or null required field, an unknown enum value or currency,
 * a number with a fraction, an escape in a field name, a repeated field, bytes that are not
 * UTF-8, any JSON that is not plainly valid...) makes {@link #read} return null, and the caller
 * reads the body the general way (Gson and {@link DtoMapper}), which accepts the same pages
 * with the same result and refuses the others with the messages it always gave. So this class
 * never decides that a page is broken, and never accepts one that the general way refuses.
 *
 * <p>Not thread-safe; each call of {@link #read} uses a reader of its own.
 */
final class SyncPageReader {

    /** Deeper unknown values than this are left to the general reader. */
    private static final int MAX_SKIP_DEPTH = 64;
    /** Digits of a whole number read here (more are left to the general reader: no overflow). */
    private static final int MAX_DIGITS = 18;
    private static final long DAYS_0000_TO_1970 = 719_528;

    private static final Wire<PurchaseKind> KINDS = new Wire<>(PurchaseKind.values());
    private static final Wire<ProductType> PRODUCT_TYPES = new Wire<>(ProductType.values());
    private static final Wire<Channel> CHANNELS = new Wire<>(Channel.values());
    private static final Wire<PurchaseStatus> PURCHASE_STATUSES = new Wire<>(PurchaseStatus.values());
    private static final Wire<SubscriptionStatus> SUBSCRIPTION_STATUSES = new Wire<>(SubscriptionStatus.values());
    private static final Wire<BillingInterval> INTERVALS = new Wire<>(BillingInterval.values());
    private static final Wire<Deleted.Type> DELETED_TYPES = new Wire<>(Deleted.Type.values());
    private static final Wire<PaymentType> PAYMENT_TYPES = new Wire<>(PaymentType.values());

    // What a field holds. Each kind is read at one place (value), and every object through one
    // loop (object): with a reader per record type, each inlining the value readers at a dozen
    // places, compiling the purchase reader took the better part of a second of CPU during the
    // first syncs of a session, on the cores they ran on.
    private static final byte TEXT = 0;
    /** Text that repeats from record to record (a partner, the learner's card): one String per page. */
    private static final byte SHARED_TEXT = 1;
    private static final byte TIME = 2;
    private static final byte WHOLE = 3;
    private static final byte FLAG = 4;
    private static final byte ENUM = 5;
    private static final byte MONEY = 6;
    private static final byte PRODUCT = 7;
    private static final byte PAYMENT = 8;
    private static final byte PLAN = 9;
    private static final byte CURRENCY = 10;
    /** Stands in the values for a whole number given (which is in the numbers). */
    private static final Object NUMBER = new Object();

    // The fields of each object, in the order the reference server writes them: each field is
    // matched against the one expected next first.
    private static final byte[][] PAGE_FIELDS = {ascii("purchases"), ascii("subscriptions"), ascii("deleted"),
        ascii("cursor"), ascii("hasMore"), ascii("remaining")};
    private static final Shape PURCHASE = new Shape("id", TEXT, "kind", KINDS, "product", PRODUCT,
            "subscriptionId?", TEXT, "amount", MONEY, "tax", MONEY, "total", MONEY, "channel", CHANNELS,
            "status", PURCHASE_STATUSES, "purchasedAt", TIME, "refundedAt?", TIME, "refundableUntil?", TIME,
            "receiptNumber", TEXT, "paymentMethod", PAYMENT, "updatedAt", TIME, "version", WHOLE);
    private static final Shape SUBSCRIPTION = new Shape("id", TEXT, "product", PRODUCT, "plan", PLAN,
            "channel", CHANNELS, "status", SUBSCRIPTION_STATUSES, "startedAt", TIME, "trialEndsAt?", TIME,
            "currentPeriodStart", TIME, "currentPeriodEnd", TIME, "cancelAtPeriodEnd", FLAG, "canceledAt?", TIME,
            "endedAt?", TIME, "nextPaymentAt?", TIME, "nextPaymentAmount?", MONEY, "deadlinesResetAt?", TIME,
            "updatedAt", TIME, "version", WHOLE);
    private static final Shape PRODUCT_SHAPE = new Shape("id", TEXT, "title", TEXT, "type", PRODUCT_TYPES,
            "partner", SHARED_TEXT);
    private static final Shape MONEY_SHAPE = new Shape("amountMinor", WHOLE, "currency", CURRENCY);
    // Which of the others a payment method needs depends on its type (paymentMethod()).
    private static final Shape PAYMENT_SHAPE = new Shape("type", PAYMENT_TYPES, "brand?", SHARED_TEXT,
            "last4?", SHARED_TEXT, "email?", SHARED_TEXT);
    private static final Shape PLAN_SHAPE = new Shape("id", TEXT, "interval", INTERVALS, "price", MONEY);
    private static final Shape DELETED = new Shape("type", DELETED_TYPES, "id", TEXT);

    private static final byte[] NULL = ascii("null");
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");

    /** Currencies by their three letters packed into an int: every amount names one. */
    private static final Map<Integer, Currency> CURRENCIES = new ConcurrentHashMap<>();

    private final byte[] b;
    private int pos;
    /** Strings that repeat from record to record (partners, card brands) made once per page. */
    private final Map<String, String> shared = new HashMap<>();
    /** The last timestamp read, as its 20 bytes' position, and the instant: updatedAt often repeats purchasedAt. */
    private int lastInstantAt = -1;
    private Instant lastInstant;

    private SyncPageReader(byte[] body) {
        this.b = body;
    }

    /**
     * The page in {@code body}, or null when it is not one this reader is sure of: then read it
     * with Gson and {@link DtoMapper}, which accept it or say why not.
     */
    static SyncPage read(byte[] body) {
        try {
            return new SyncPageReader(body).page();
        } catch (RuntimeException e) {
            // Unusual: a shape left to the general reader. Anything else (a record constructor
            // refusing a value, say) is left to it too, so that it fails as it always did.
            return null;
        }
    }

    private SyncPage page() {
        List<Purchase> purchases = null;
        List<Subscription> subscriptions = null;
        List<Deleted> deleted = null;
        String cursor = null;
        int hasMore = -1;
        long remaining = -1;
        int seen = 0;
        int next = 0;
        skipSpace();
        expect('{');
        if (!endOfObject(true)) {
            do {
                int field = field(PAGE_FIELDS, next);
                if (field >= 0) {
                    seen = mark(seen, field);
                    next = field + 1;
                }
                switch (field) {
                    case 0 -> purchases = purchases();
                    case 1 -> subscriptions = subscriptions();
                    case 2 -> deleted = deletedList();
                    case 3 -> cursor = string();
                    case 4 -> hasMore = bool();
                    case 5 -> remaining = wholeNumber();
                    default -> skipValue(0);
                }
            } while (!endOfObject(false));
        }
        skipSpace();
        if (pos != b.length) {
            throw Unusual.INSTANCE;
        }
        if (purchases == null || subscriptions == null || deleted == null || cursor == null || hasMore < 0
                || remaining < 0) {
            throw Unusual.INSTANCE;
        }
        return new SyncPage(purchases, subscriptions, deleted, cursor, hasMore == 1, remaining);
    }

    private List<Purchase> purchases() {
        if (nullLiteral()) {
            return null;
        }
        expect('[');
        List<Purchase> out = new ArrayList<>();
        if (!endOfArray(true)) {
            do {
                out.add(purchase());
            } while (!endOfArray(false));
        }
        return out;
    }

    private List<Subscription> subscriptions() {
        if (nullLiteral()) {
            return null;
        }
        expect('[');
        List<Subscription> out = new ArrayList<>();
        if (!endOfArray(true)) {
            do {
                out.add(subscription());
            } while (!endOfArray(false));
        }
        return out;
    }

    private List<Deleted> deletedList() {
        if (nullLiteral()) {
            return null;
        }
        expect('[');
        List<Deleted> out = new ArrayList<>();
        if (!endOfArray(true)) {
            do {
                out.add(deleted());
            } while (!endOfArray(false));
        }
        return out;
    }

    /**
     * Reads an object of {@code shape}: each field's value into {@code values} at the field's
     * number (a whole number into {@code numbers}, with {@link #NUMBER} in the values), null for a
     * field not given or given as null. Fields the shape does not know are skipped. A required
     * field missing or null is left to the general reader, which names it.
     *
     * <p>This method and {@link #value} are each one unit for the JIT (the structure here, the
     * values there, each too big for the compiler to copy into the other): split into a dozen
     * small readers, they were all copied into one compilation that took most of a second of CPU
     * during the first syncs of a session, on the cores they ran on.
     */
    private void object(Shape shape, Object[] values, long[] numbers) {
        byte[] b = this.b;
        expect('{');
        byte[][] names = shape.names;
        int seen = 0;
        int given = 0;
        int next = 0;
        boolean first = true;
        while (true) {
            skipSpace();
            if (pos >= b.length) {
                throw Unusual.INSTANCE;
            }
            if (b[pos] == '}') {
                pos++;
                break;
            }
            if (!first) {
                if (b[pos] != ',') {
                    throw Unusual.INSTANCE;
                }
                pos++;
                skipSpace();
            }
            first = false;
            // The member's name: ASCII without escapes can name a field; an escape is left to
            // the general reader; other non-ASCII names no field, once checked as UTF-8.
            expect('"');
            int start = pos;
            int i = start;
            boolean ascii = true;
            while (true) {
                if (i >= b.length) {
                    throw Unusual.INSTANCE;
                }
                byte c = b[i];
                if (c == '"') {
                    break;
                }
                if (c == '\\' || (c >= 0 && c < 0x20)) {
                    throw Unusual.INSTANCE;
                }
                if (c < 0) {
                    ascii = false;
                }
                i++;
            }
            int length = i - start;
            if (ascii) {
                pos = i + 1;
            } else {
                decodeString(start);
            }
            skipSpace();
            expect(':');
            int field = -1;
            if (ascii) {
                if (next < names.length && matches(start, length, names[next])) {
                    field = next;
                } else {
                    for (int k = 0; k < names.length; k++) {
                        if (matches(start, length, names[k])) {
                            field = k;
                            break;
                        }
                    }
                }
            }
            if (field < 0) {
                skipValue(0);
                continue;
            }
            seen = mark(seen, field);
            next = field + 1;
            Object value = value(shape.kinds[field], shape.enums[field], numbers, field);
            values[field] = value;
            if (value != null) {
                given |= 1 << field;
            }
        }
        if ((given & shape.required) != shape.required) {
            throw Unusual.INSTANCE;
        }
    }

    /** The value of a field of this kind (see {@link #object}), or null for null. */
    private Object value(byte kind, Wire<?> wire, long[] numbers, int field) {
        byte[] b = this.b;
        skipSpace();
        int i = pos;
        if (i >= b.length) {
            throw Unusual.INSTANCE;
        }
        byte first = b[i];
        if (first == 'n') {
            requireLiteral(NULL);
            return null;
        }
        switch (kind) {
            case TEXT, SHARED_TEXT -> {
                if (first != '"') {
                    throw Unusual.INSTANCE;
                }
                int start = i + 1;
                int j = start;
                boolean ascii = true;
                String text = null;
                while (j < b.length) {
                    byte c = b[j];
                    if (c == '"') {
                        pos = j + 1;
                        if (ascii) {
                            text = new String(b, start, j - start, StandardCharsets.ISO_8859_1);
                        } else {
                            // The JDK's decoder (compiled long before any sync) for a title in
                            // any script; it puts U+FFFD for a malformed byte, so a text holding
                            // one is decoded again strictly, which tells the two apart.
                            text = new String(b, start, j - start, StandardCharsets.UTF_8);
                            if (text.indexOf('\uFFFD') >= 0) {
                                text = decodeString(start);
                            }
                        }
                        break;
                    }
                    if (c < 0) {
                        ascii = false;
                    } else if (c < 0x20 || c == '\\') {
                        // An escape or a control character: decoded strictly there.
                        break;
                    }
                    j++;
                }
                if (text == null) {
                    text = decodeString(start);
                }
                if (kind == SHARED_TEXT) {
                    String known = shared.putIfAbsent(text, text);
                    return known != null ? known : text;
                }
                return text;
            }
            case ENUM, CURRENCY -> {
                // Plain ASCII: anything else names no constant and no currency.
                if (first != '"') {
                    throw Unusual.INSTANCE;
                }
                int start = i + 1;
                int j = start;
                while (true) {
                    if (j >= b.length) {
                        throw Unusual.INSTANCE;
                    }
                    byte c = b[j];
                    if (c == '"') {
                        break;
                    }
                    if (c < 0x20 || c == '\\') {
                        throw Unusual.INSTANCE;
                    }
                    j++;
                }
                pos = j + 1;
                if (kind == CURRENCY) {
                    return currency(start, j - start);
                }
                for (int k = 0; k < wire.names.length; k++) {
                    if (matches(start, j - start, wire.names[k])) {
                        return wire.constants[k];
                    }
                }
                throw Unusual.INSTANCE;
            }
            case TIME -> {
                return instant();
            }
            case WHOLE -> {
                numbers[field] = wholeNumber();
                return NUMBER;
            }
            case FLAG -> {
                return bool() == 1 ? Boolean.TRUE : Boolean.FALSE;
            }
            case MONEY -> {
                return money();
            }
            case PRODUCT -> {
                return product();
            }
            case PAYMENT -> {
                return paymentMethod();
            }
            case PLAN -> {
                return plan();
            }
            default -> throw new IllegalStateException("kind " + kind);
        }
    }

    private Purchase purchase() {
        Object[] v = new Object[16];
        long[] n = new long[16];
        object(PURCHASE, v, n);
        return new Purchase((String) v[0], (PurchaseKind) v[1], (Product) v[2], (String) v[3], (Money) v[4],
                (Money) v[5], (Money) v[6], (Channel) v[7], (PurchaseStatus) v[8], (Instant) v[9], (Instant) v[10],
                (Instant) v[11], (String) v[12], (PaymentMethod) v[13], (Instant) v[14], n[15]);
    }

    private Subscription subscription() {
        Object[] v = new Object[17];
        long[] n = new long[17];
        object(SUBSCRIPTION, v, n);
        return new Subscription((String) v[0], (Product) v[1], (Plan) v[2], (Channel) v[3],
                (SubscriptionStatus) v[4], (Instant) v[5], (Instant) v[6], (Instant) v[7], (Instant) v[8],
                (Boolean) v[9], (Instant) v[10], (Instant) v[11], (Instant) v[12], (Money) v[13], (Instant) v[14],
                (Instant) v[15], n[16]);
    }

    private Deleted deleted() {
        Object[] v = new Object[2];
        object(DELETED, v, null);
        return new Deleted((Deleted.Type) v[0], (String) v[1]);
    }

    private Product product() {
        Object[] v = new Object[4];
        object(PRODUCT_SHAPE, v, null);
        return new Product((String) v[0], (String) v[1], (ProductType) v[2], (String) v[3]);
    }

    private Plan plan() {
        Object[] v = new Object[3];
        object(PLAN_SHAPE, v, null);
        return new Plan((String) v[0], (BillingInterval) v[1], (Money) v[2]);
    }

    private Money money() {
        Object[] v = new Object[2];
        long[] n = new long[2];
        object(MONEY_SHAPE, v, n);
        return new Money(n[0], (Currency) v[1]);
    }

    private PaymentMethod paymentMethod() {
        Object[] v = new Object[4];
        object(PAYMENT_SHAPE, v, null);
        if (v[0] == PaymentType.CARD && v[1] != null && v[2] != null) {
            return new PaymentMethod.Card((String) v[1], (String) v[2]);
        }
        if (v[0] == PaymentType.PAYPAL && v[3] != null) {
            return new PaymentMethod.PayPal((String) v[3]);
        }
        throw Unusual.INSTANCE;
    }

    // ---- values ----

    /** A string or null (outside records: {@link #value} reads theirs); the general reader takes anything else. */
    private String string() {
        skipSpace();
        if (nullLiteral()) {
            return null;
        }
        expect('"');
        int start = pos;
        int i = start;
        byte[] b = this.b;
        String text = null;
        while (i < b.length) {
            byte c = b[i];
            if (c == '"') {
                pos = i + 1;
                text = new String(b, start, i - start, StandardCharsets.ISO_8859_1);
                break;
            }
            if (c < 0x20 || c == '\\') {
                // (A negative byte is non-ASCII: decoded below.)
                break;
            }
            i++;
        }
        return text != null ? text : decodeString(start);
    }

    /**
     * The rest of a string that opened at {@code start}: UTF-8 decoded strictly (a malformed
     * byte is left to the general reader, which reports that the body is not UTF-8), escapes
     * read as Gson reads them, control characters left to the general reader.
     */
    private String decodeString(int start) {
        StringBuilder out = new StringBuilder(Math.max(16, Math.min(256, b.length - start)));
        int i = start;
        while (true) {
            if (i >= b.length) {
                throw Unusual.INSTANCE;
            }
            int c = b[i] & 0xFF;
            if (c == '"') {
                pos = i + 1;
                return out.toString();
            }
            if (c == '\\') {
                if (i + 1 >= b.length) {
                    throw Unusual.INSTANCE;
                }
                byte e = b[i + 1];
                switch (e) {
                    case '"', '\\', '/' -> out.append((char) e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (i + 6 > b.length) {
                            throw Unusual.INSTANCE;
                        }
                        int value = 0;
                        for (int k = i + 2; k < i + 6; k++) {
                            int d = Character.digit(b[k], 16);
                            if (d < 0) {
                                throw Unusual.INSTANCE;
                            }
                            value = value * 16 + d;
                        }
                        out.append((char) value);
                        i += 4;
                    }
                    default -> throw Unusual.INSTANCE;
                }
                i += 2;
            } else if (c < 0x20) {
                throw Unusual.INSTANCE;
            } else if (c < 0x80) {
                out.append((char) c);
                i++;
            } else {
                i = utf8(i, out);
            }
        }
    }

    /**
     * Appends the character encoded at {@code b[i]} (a lead byte of two to four) and returns the
     * index after it; any sequence that is not well-formed UTF-8 (Unicode table 3-7, as the
     * JDK's decoder reads it) is left to the general reader.
     */
    private int utf8(int i, StringBuilder out) {
        int c = b[i] & 0xFF;
        if (c >= 0xC2 && c <= 0xDF) {
            int c1 = continuation(i + 1, 0x80, 0xBF);
            out.append((char) (((c & 0x1F) << 6) | (c1 & 0x3F)));
            return i + 2;
        }
        if (c >= 0xE0 && c <= 0xEF) {
            int c1 = continuation(i + 1, c == 0xE0 ? 0xA0 : 0x80, c == 0xED ? 0x9F : 0xBF);
            int c2 = continuation(i + 2, 0x80, 0xBF);
            out.append((char) (((c & 0x0F) << 12) | ((c1 & 0x3F) << 6) | (c2 & 0x3F)));
            return i + 3;
        }
        if (c >= 0xF0 && c <= 0xF4) {
            int c1 = continuation(i + 1, c == 0xF0 ? 0x90 : 0x80, c == 0xF4 ? 0x8F : 0xBF);
            int c2 = continuation(i + 2, 0x80, 0xBF);
            int c3 = continuation(i + 3, 0x80, 0xBF);
            out.appendCodePoint(((c & 0x07) << 18) | ((c1 & 0x3F) << 12) | ((c2 & 0x3F) << 6) | (c3 & 0x3F));
            return i + 4;
        }
        throw Unusual.INSTANCE;
    }

    private int continuation(int i, int low, int high) {
        if (i >= b.length) {
            throw Unusual.INSTANCE;
        }
        int c = b[i] & 0xFF;
        if (c < low || c > high) {
            throw Unusual.INSTANCE;
        }
        return c;
    }

    /** The three capital letters at {@code start} as a currency the JDK knows; anything else is left to the general reader. */
    private Currency currency(int start, int length) {
        if (length != 3) {
            throw Unusual.INSTANCE;
        }
        int key = 0;
        for (int k = start; k < start + 3; k++) {
            byte c = b[k];
            if (c < 'A' || c > 'Z') {
                throw Unusual.INSTANCE;
            }
            key = key << 8 | c;
        }
        Currency known = CURRENCIES.get(key);
        if (known == null) {
            // Throws IllegalArgumentException for a code the JDK does not know: left to the general reader.
            known = Currency.getInstance(new String(b, start, 3, StandardCharsets.ISO_8859_1));
            CURRENCIES.put(key, known);
        }
        return known;
    }

    /** 1 for true, 0 for false; null and anything else are left to the general reader. */
    private int bool() {
        skipSpace();
        if (literal(TRUE)) {
            return 1;
        }
        if (literal(FALSE)) {
            return 0;
        }
        throw Unusual.INSTANCE;
    }

    /**
     * A whole number written plainly (no fraction, exponent, leading zero or minus zero; at most
     * {@value #MAX_DIGITS} digits); the general reader takes any other form.
     */
    private long wholeNumber() {
        skipSpace();
        int i = pos;
        boolean negative = i < b.length && b[i] == '-';
        if (negative) {
            i++;
        }
        int first = i;
        long value = 0;
        while (i < b.length && b[i] >= '0' && b[i] <= '9') {
            value = value * 10 + (b[i] - '0');
            i++;
        }
        int digits = i - first;
        if (digits == 0 || digits > MAX_DIGITS || (b[first] == '0' && (digits > 1 || negative))) {
            throw Unusual.INSTANCE;
        }
        pos = i;
        requireDelimiter();
        return negative ? -value : value;
    }

    /**
     * A timestamp or null. {@code …T10:42:07Z} is read here; any other form goes through the
     * same parser as the general reader ({@link ApiJson#parseInstant}), and one it cannot read is
     * left to the general reader.
     */
    private Instant instant() {
        skipSpace();
        if (nullLiteral()) {
            return null;
        }
        int quote = pos;
        if (quote + 21 < b.length && b[quote] == '"' && b[quote + 21] == '"') {
            if (lastInstantAt >= 0 && sameBytes(lastInstantAt, quote + 1, 20)) {
                pos = quote + 22;
                return lastInstant;
            }
            Instant utc = wholeSecondsUtc(quote + 1);
            if (utc != null) {
                pos = quote + 22;
                lastInstantAt = quote + 1;
                lastInstant = utc;
                return utc;
            }
        }
        String text = string();
        try {
            return ApiJson.parseInstant(text);
        } catch (DateTimeParseException e) {
            throw Unusual.INSTANCE;
        }
    }

    private boolean sameBytes(int a, int c, int length) {
        return Arrays.equals(b, a, a + length, b, c, c + length);
    }

    /**
     * {@link ApiJson#wholeSecondsUtc} on the 20 bytes at {@code at}: the same form, the same
     * checks of the date, without a String or a LocalDateTime.
     */
    private Instant wholeSecondsUtc(int at) {
        byte[] t = b;
        if (t[at + 4] != '-' || t[at + 7] != '-' || t[at + 10] != 'T' || t[at + 13] != ':' || t[at + 16] != ':'
                || t[at + 19] != 'Z') {
            return null;
        }
        int century = twoDigits(at);
        int yearOfCentury = twoDigits(at + 2);
        int year = century * 100 + yearOfCentury;
        int month = twoDigits(at + 5);
        int day = twoDigits(at + 8);
        int hour = twoDigits(at + 11);
        int minute = twoDigits(at + 14);
        int second = twoDigits(at + 17);
        if ((century | yearOfCentury | month | day | hour | minute | second) < 0) {
            return null;
        }
        if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month) || hour > 23 || minute > 59
                || second > 59) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay(year, month, day) * 86_400 + hour * 3_600 + minute * 60 + second);
    }

    /** The two decimal digits at {@code at} as a number, or -1. */
    private int twoDigits(int at) {
        int high = b[at] - '0';
        int low = b[at + 1] - '0';
        if (high < 0 || high > 9 || low < 0 || low > 9) {
            return -1;
        }
        return high * 10 + low;
    }

    private static boolean isLeap(long year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** As {@code LocalDate.toEpochDay()} for a year from 0 to 9999. */
    static long epochDay(int year, int month, int day) {
        long y = year;
        long total = 365 * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
        total += (367L * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (!isLeap(year)) {
                total--;
            }
        }
        return total - DAYS_0000_TO_1970;
    }

    // ---- structure ----

    /**
     * The index in {@code names} of the field whose name comes next (its colon read too), -1
     * for a field not among them. A name with an escape is left to the general reader.
     */
    private int field(byte[][] names, int expected) {
        skipSpace();
        expect('"');
        int start = pos;
        int i = start;
        boolean ascii = true;
        while (true) {
            if (i >= b.length) {
                throw Unusual.INSTANCE;
            }
            byte c = b[i];
            if (c == '"') {
                break;
            }
            if (c == '\\' || (c >= 0 && c < 0x20)) {
                throw Unusual.INSTANCE;
            }
            if (c < 0) {
                ascii = false;
            }
            i++;
        }
        int length = i - start;
        if (!ascii) {
            // Checked like any string (well-formed UTF-8); it names no field read here.
            decodeString(start);
        } else {
            pos = i + 1;
        }
        skipSpace();
        expect(':');
        int found = -1;
        if (ascii) {
            if (expected < names.length && matches(start, length, names[expected])) {
                found = expected;
            } else {
                for (int k = 0; k < names.length; k++) {
                    if (matches(start, length, names[k])) {
                        found = k;
                        break;
                    }
                }
            }
        }
        skipSpace();
        return found;
    }

    private boolean matches(int start, int length, byte[] name) {
        return length == name.length && Arrays.equals(b, start, start + length, name, 0, length);
    }

    /** Sets {@code field}'s bit: a field given twice (Gson keeps the last) is left to the general reader. */
    private static int mark(int seen, int field) {
        int bit = 1 << field;
        if ((seen & bit) != 0) {
            throw Unusual.INSTANCE;
        }
        return seen | bit;
    }

    /**
     * After an object's opening brace ({@code first}) or one of its members: true at its closing
     * brace (read), false when a member follows (its comma read).
     */
    private boolean endOfObject(boolean first) {
        skipSpace();
        if (pos >= b.length) {
            throw Unusual.INSTANCE;
        }
        byte c = b[pos];
        if (c == '}') {
            pos++;
            return true;
        }
        if (first) {
            return false;
        }
        if (c == ',') {
            pos++;
            return false;
        }
        throw Unusual.INSTANCE;
    }

    private boolean endOfArray(boolean first) {
        skipSpace();
        if (pos >= b.length) {
            throw Unusual.INSTANCE;
        }
        byte c = b[pos];
        if (c == ']') {
            pos++;
            return true;
        }
        if (first) {
            return false;
        }
        if (c == ',') {
            pos++;
            skipSpace();
            return false;
        }
        throw Unusual.INSTANCE;
    }

    /**
     * Skips a value of a field this reader does not know, checking it is plain JSON: a string
     * (well-formed UTF-8, known escapes, no control characters), a number as JSON writes it,
     * true, false, null, or an array or object of those.
     */
    private void skipValue(int depth) {
        if (depth > MAX_SKIP_DEPTH) {
            throw Unusual.INSTANCE;
        }
        skipSpace();
        if (pos >= b.length) {
            throw Unusual.INSTANCE;
        }
        byte c = b[pos];
        switch (c) {
            case '"' -> {
                pos++;
                decodeString(pos);
            }
            case '{' -> {
                pos++;
                if (!endOfObject(true)) {
                    do {
                        skipSpace();
                        expect('"');
                        decodeString(pos);
                        skipSpace();
                        expect(':');
                        skipValue(depth + 1);
                    } while (!endOfObject(false));
                }
            }
            case '[' -> {
                pos++;
                if (!endOfArray(true)) {
                    do {
                        skipValue(depth + 1);
                    } while (!endOfArray(false));
                }
            }
            case 't' -> requireLiteral(TRUE);
            case 'f' -> requireLiteral(FALSE);
            case 'n' -> requireLiteral(NULL);
            default -> skipNumber();
        }
    }

    /** A number in JSON's grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, then a delimiter. */
    private void skipNumber() {
        int i = pos;
        if (i < b.length && b[i] == '-') {
            i++;
        }
        int digits = countDigits(i);
        if (digits == 0 || (b[i] == '0' && digits > 1)) {
            throw Unusual.INSTANCE;
        }
        i += digits;
        if (i < b.length && b[i] == '.') {
            i++;
            int fraction = countDigits(i);
            if (fraction == 0) {
                throw Unusual.INSTANCE;
            }
            i += fraction;
        }
        if (i < b.length && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < b.length && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            int exponent = countDigits(i);
            if (exponent == 0) {
                throw Unusual.INSTANCE;
            }
            i += exponent;
        }
        pos = i;
        requireDelimiter();
    }

    private int countDigits(int from) {
        int i = from;
        while (i < b.length && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        return i - from;
    }

    /** Reads {@code null} if it comes next (then true); leaves anything else unread. */
    private boolean nullLiteral() {
        skipSpace();
        return pos < b.length && b[pos] == 'n' && literal(NULL);
    }

    private void requireLiteral(byte[] word) {
        if (!literal(word)) {
            throw Unusual.INSTANCE;
        }
    }

    /** Reads {@code word} (true, false, null) if it comes next, followed by a delimiter. */
    private boolean literal(byte[] word) {
        int end = pos + word.length;
        if (end > b.length || !Arrays.equals(b, pos, end, word, 0, word.length)) {
            return false;
        }
        int saved = pos;
        pos = end;
        if (!atDelimiter()) {
            pos = saved;
            throw Unusual.INSTANCE;
        }
        return true;
    }

    /** What may follow a number or a literal: the end, white space, a comma or a closing bracket. */
    private void requireDelimiter() {
        if (!atDelimiter()) {
            throw Unusual.INSTANCE;
        }
    }

    private boolean atDelimiter() {
        if (pos >= b.length) {
            return true;
        }
        byte c = b[pos];
        return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    private void expect(char c) {
        if (pos >= b.length || b[pos] != c) {
            throw Unusual.INSTANCE;
        }
        pos++;
    }

    /**
     * Skips white space. Most bodies have none between tokens, and this is inlined at many places
     * of a record's reading: no loop unless there is some (many small loops inlined into one
     * method made its compilation take most of a second).
     */
    private void skipSpace() {
        if (pos < b.length && b[pos] > ' ') {
            return;
        }
        skipSpaces();
    }

    private void skipSpaces() {
        byte[] b = this.b;
        int i = pos;
        while (i < b.length) {
            byte c = b[i];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                break;
            }
            i++;
        }
        pos = i;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * An object's fields: their names, what each holds ({@code TEXT}..., or the enum), and which
     * must be given and not null (all but those whose name ends in "?").
     */
    private static final class Shape {
        final byte[][] names;
        final byte[] kinds;
        final Wire<?>[] enums;
        final int required;

        /** Pairs of a name and its kind (a Byte) or enum (a Wire). */
        Shape(Object... fields) {
            int count = fields.length / 2;
            names = new byte[count][];
            kinds = new byte[count];
            enums = new Wire<?>[count];
            int mask = 0;
            for (int i = 0; i < count; i++) {
                String name = (String) fields[2 * i];
                if (name.endsWith("?")) {
                    name = name.substring(0, name.length() - 1);
                } else {
                    mask |= 1 << i;
                }
                names[i] = ascii(name);
                if (fields[2 * i + 1] instanceof Wire<?> wire) {
                    kinds[i] = ENUM;
                    enums[i] = wire;
                } else {
                    kinds[i] = (Byte) fields[2 * i + 1];
                }
            }
            required = mask;
        }
    }

    /** The two shapes of a payment method. */
    private enum PaymentType implements WireEnum {
        CARD("card"),
        PAYPAL("paypal");

        private final String wireName;

        PaymentType(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }
    }

    /** An enum's constants and their wire names as bytes. */
    private static final class Wire<E extends Enum<E> & WireEnum> {
        final E[] constants;
        final byte[][] names;

        Wire(E[] constants) {
            this.constants = constants;
            this.names = new byte[constants.length][];
            for (int i = 0; i < constants.length; i++) {
                names[i] = constants[i].wireName().getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    /** A body this reader leaves to the general one; thrown without a stack trace, once made. */
    private static final class Unusual extends RuntimeException {
        static final Unusual INSTANCE = new Unusual();

        private Unusual() {
            super(null, null, false, false);
        }
    }
}
