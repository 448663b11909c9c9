package com.coursedesk.data.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Function;

/**
 * One answer of {@code GET /v1/sync}, received but not yet read into records
 * ({@link BillingApiClient#fetchSync}). {@link #continuation()} says where the feed goes on
 * without reading the records, so that a caller can ask for the next page while it reads this
 * one ({@link #page()}): the server prepares page k+1 while the client parses page k.
 *
 * <p>Not thread-safe: one thread reads it after another has fetched it (hand it over through a
 * {@code Future} or a queue).
 */
public final class SyncFetch {

    private static final byte[] CURSOR = "cursor".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HAS_MORE = "hasMore".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

    private final byte[] body;
    private final Instant serverDate;
    private final Function<byte[], SyncPage> reader;
    private final String continuation;
    private SyncPage page;

    SyncFetch(byte[] body, Instant serverDate, Function<byte[], SyncPage> reader) {
        this.body = body;
        this.serverDate = serverDate;
        this.reader = reader;
        this.continuation = continuation(body);
    }

    /**
     * The cursor to ask for the next page from, as the answer's top-level {@code cursor} when its
     * {@code hasMore} is true; null when it is false, or when the body cannot be read this way
     * (then {@link #page()} says what it holds). A hint for asking ahead: check it against
     * {@link #page()}, which alone validates the body.
     */
    public String continuation() {
        return continuation;
    }

    /** The answer's HTTP {@code Date}, or null (as {@link SyncPage#serverDate()}). */
    public Instant serverDate() {
        return serverDate;
    }

    /**
     * The page's records, read and checked now (once).
     *
     * @throws ApiProtocolException if the body is not a readable sync page
     */
    public SyncPage page() {
        if (page == null) {
            page = reader.apply(body).withServerDate(serverDate);
        }
        return page;
    }

    /**
     * Reads only the top level of the JSON object in {@code b}, skipping the lists (a tenth of the
     * time of parsing them): the {@code cursor} string if {@code hasMore} is {@code true}, else
     * null. Null too for anything unusual (escapes in those two names or in the cursor, a body
     * that is not an object, a cut-short body): the caller then waits for the full parse.
     */
    static String continuation(byte[] b) {
        int n = b.length;
        int i = skipSpace(b, 0);
        if (i >= n || b[i] != '{') {
            return null;
        }
        String cursor = null;
        boolean hasMore = false;
        i++;
        while (true) {
            i = skipSpace(b, i);
            if (i >= n) {
                return null;
            }
            if (b[i] == '}') {
                break;
            }
            if (b[i] != '"') {
                return null;
            }
            int keyEnd = endOfString(b, i);
            if (keyEnd < 0) {
                return null;
            }
            int valueStart = skipSpace(b, keyEnd + 1);
            if (valueStart >= n || b[valueStart] != ':') {
                return null;
            }
            valueStart = skipSpace(b, valueStart + 1);
            int valueEnd = endOfValue(b, valueStart);
            if (valueEnd < 0) {
                return null;
            }
            if (same(b, i + 1, keyEnd, CURSOR)) {
                cursor = plainString(b, valueStart, valueEnd);
                if (cursor == null) {
                    return null;
                }
            } else if (same(b, i + 1, keyEnd, HAS_MORE)) {
                if (same(b, valueStart, valueEnd, TRUE)) {
                    hasMore = true;
                } else if (same(b, valueStart, valueEnd, FALSE)) {
                    hasMore = false;
                } else {
                    return null;
                }
            }
            i = skipSpace(b, valueEnd);
            if (i < n && b[i] == ',') {
                i++;
            } else if (i < n && b[i] == '}') {
                break;
            } else {
                return null;
            }
        }
        return hasMore ? cursor : null;
    }

    private static int skipSpace(byte[] b, int i) {
        while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    /** The index of the quote closing the string that opens at {@code start}, or -1. */
    private static int endOfString(byte[] b, int start) {
        for (int i = start + 1; i < b.length; i++) {
            byte c = b[i];
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    /** The index just after the value that starts at {@code start}, or -1 if it does not end. */
    private static int endOfValue(byte[] b, int start) {
        if (start >= b.length) {
            return -1;
        }
        byte first = b[start];
        if (first == '"') {
            int end = endOfString(b, start);
            return end < 0 ? -1 : end + 1;
        }
        if (first == '{' || first == '[') {
            // Brackets are counted, not matched: a body that mismatches them is caught by page().
            int depth = 0;
            for (int i = start; i < b.length; i++) {
                byte c = b[i];
                if (c == '"') {
                    i = endOfString(b, i);
                    if (i < 0) {
                        return -1;
                    }
                } else if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    if (--depth == 0) {
                        return i + 1;
                    }
                }
            }
            return -1;
        }
        int i = start;
        while (i < b.length && b[i] != ',' && b[i] != '}' && b[i] != ']' && b[i] != ' ' && b[i] != '\n'
                && b[i] != '\r' && b[i] != '\t') {
            i++;
        }
        return i == start ? -1 : i;
    }

    private static boolean same(byte[] b, int from, int to, byte[] expected) {
        if (to - from != expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (b[from + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** The string value in {@code b[from, to)} (quotes included) if it has no escapes, else null. */
    private static String plainString(byte[] b, int from, int to) {
        if (to - from < 2 || b[from] != '"') {
            return null;
        }
        for (int i = from + 1; i < to - 1; i++) {
            if (b[i] == '\\') {
                return null;
            }
        }
        return new String(b, from + 1, to - from - 2, StandardCharsets.UTF_8);
    }
}
