package com.coursedesk.sandbox;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code GET /v1/sync}: the account's change feed, paged by an opaque signed cursor.
 *
 * <p>Every write gives the record a new, higher sequence number, so "what changed after the
 * cursor, oldest first" is a range scan, a record appears at most once (in its newest state),
 * and {@code remaining} is an exact count. A cursor names its account, its position, when it
 * was issued and the cursor epoch; it expires after {@link #CURSOR_TTL} of sandbox time or when
 * the epoch moves (the control interface's "expire cursors").
 */
final class SandboxSyncFeed {

    static final Duration CURSOR_TTL = Duration.ofDays(30);
    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 1000;
    private static final byte[] PURCHASES = "{\"purchases\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SUBSCRIPTIONS = "],\"subscriptions\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DELETED = "],\"deleted\":[".getBytes(StandardCharsets.US_ASCII);

    private final SandboxStore store;
    private final SandboxClock clock;
    private final byte[] secret;
    /** One keyed Mac per server thread (a Mac is not thread-safe). */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);
    /** The last count of remaining changes; pages are served one at a time (store transactions). */
    private Remaining remaining;

    SandboxSyncFeed(SandboxStore store, SandboxClock clock) {
        this.store = store;
        this.clock = clock;
        String hex = store.meta("cursor_secret").orElseGet(() -> {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            String value = HexFormat.of().formatHex(fresh);
            store.putMeta("cursor_secret", value);
            return value;
        });
        this.secret = HexFormat.of().parseHex(hex);
    }

    /**
     * One page of the feed as the UTF-8 body to send: the records' stored JSON copied byte for
     * byte into the lists. A 1,000-record page is half a megabyte; decoding it into Strings
     * (widened to UTF-16 by the first title outside Latin-1) and encoding it back was a sixth
     * of serving it, on the cores the client syncs with.
     */
    byte[] page(String accountId, String cursor, String limitParam) {
        int limit = parseLimit(limitParam);
        long after = cursor == null ? 0 : decode(accountId, cursor);
        SandboxStore.FeedPage rows = store.feedPage(accountId, after, limit);
        long last = rows.lastSeq();
        long remaining = rows.rows() < limit ? 0 : remainingAfter(accountId, after, last, rows.rows());

        byte[] end = ("],\"cursor\":" + SandboxJson.GSON.toJson(encode(accountId, last)) + ",\"hasMore\":"
                + (remaining > 0) + ",\"remaining\":" + remaining + "}").getBytes(StandardCharsets.UTF_8);
        List<byte[]> deleted = new ArrayList<>(rows.deleted().size());
        for (SandboxStore.Deletion d : rows.deleted()) {
            deleted.add(("{\"type\":\"" + d.type() + "\",\"id\":" + SandboxJson.GSON.toJson(d.id()) + "}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        // The body's exact length, so that it is written once into an array of that size.
        int size = PURCHASES.length + SUBSCRIPTIONS.length + DELETED.length + end.length;
        size += listLength(rows.purchases()) + listLength(rows.others()) + listLength(deleted);
        byte[] body = new byte[size];
        int at = put(body, 0, PURCHASES);
        at = list(body, at, rows.purchases());
        at = put(body, at, SUBSCRIPTIONS);
        at = list(body, at, rows.others());
        at = put(body, at, DELETED);
        at = list(body, at, deleted);
        put(body, at, end);
        return body;
    }

    /** The length of {@code items} joined with commas. */
    private static int listLength(List<byte[]> items) {
        int length = Math.max(0, items.size() - 1);
        for (byte[] item : items) {
            length += item.length;
        }
        return length;
    }

    private static int list(byte[] body, int at, List<byte[]> items) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                body[at++] = ',';
            }
            at = put(body, at, items.get(i));
        }
        return at;
    }

    private static int put(byte[] body, int at, byte[] part) {
        System.arraycopy(part, 0, body, at, part.length);
        return at + part.length;
    }

    /**
     * How many changes follow {@code last}. Counting them is a scan of the rest of the feed (a
     * third of the time of serving a 100,000-record full pass, counted again for every page), so
     * the count of the page before is carried on while nothing was written since: what remained
     * after it, less this page.
     */
    private long remainingAfter(String accountId, long after, long last, int rows) {
        Remaining before = remaining;
        long count;
        if (before != null && before.accountId().equals(accountId) && before.after() == after
                && before.lastSeq() == store.lastSeq()) {
            count = before.count() - rows;
        } else {
            count = store.countAfter(accountId, last);
        }
        remaining = new Remaining(accountId, last, store.lastSeq(), count);
        return count;
    }

    /** {@code count} changes of {@code accountId} follow {@code after}, while the feed ends at {@code lastSeq}. */
    private record Remaining(String accountId, long after, long lastSeq, long count) {
    }

    private static int parseLimit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        throw Problem.invalidRequest("'limit' must be a whole number from 1 to " + MAX_LIMIT + ".");
    }

    /** Makes every cursor issued so far expire (the control interface's switch). */
    void expireAllCursors() {
        store.putMeta("cursor_epoch", Long.toString(epoch() + 1));
    }

    private long epoch() {
        return store.meta("cursor_epoch").map(Long::parseLong).orElse(0L);
    }

    String encode(String accountId, long seq) {
        String payload = accountId + "|" + seq + "|" + clock.now().toEpochMilli() + "|" + epoch();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(sign(payload));
    }

    private long decode(String accountId, String cursor) {
        Problem malformed = Problem.invalidRequest("The cursor is not one this server issued; sync again without it.");
        int dot = cursor.indexOf('.');
        if (cursor.length() > 512 || dot <= 0) {
            throw malformed;
        }
        String payload;
        byte[] signature;
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            payload = new String(b64.decode(cursor.substring(0, dot)), StandardCharsets.UTF_8);
            signature = b64.decode(cursor.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw malformed;
        }
        if (!MessageDigest.isEqual(signature, sign(payload))) {
            throw malformed;
        }
        String[] parts = payload.split("\\|");
        if (parts.length != 4 || !parts[0].equals(accountId)) {
            throw malformed;
        }
        long seq = Long.parseLong(parts[1]);
        long issued = Long.parseLong(parts[2]);
        long cursorEpoch = Long.parseLong(parts[3]);
        if (cursorEpoch != epoch() || clock.now().toEpochMilli() - issued > CURSOR_TTL.toMillis()) {
            throw new Problem(410, "cursor_expired", "Cursor expired",
                    "This cursor is too old; sync again from the beginning.");
        }
        return seq;
    }

    private byte[] sign(String payload) {
        // doFinal leaves the Mac ready for the next payload with the same key.
        return Arrays.copyOf(macs.get().doFinal(payload.getBytes(StandardCharsets.UTF_8)), 16);
    }

    /** A Mac keyed with the secret; looking up the algorithm and keying it anew cost more than signing. */
    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
