package com.coursedesk.service.purchases;

import com.coursedesk.data.db.PurchaseSnapshot;

import java.text.CollationKey;
import java.text.Collator;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.IntFunction;

/**
 * The place of each purchase's title, partner or receipt number in alphabetical order (the
 * language's collation for words; receipt numbers as written), by snapshot index, so that
 * sorting 100,000 rows compares ints. Equal texts share a place. Each column's places are made
 * when first asked for: making the titles' takes a collation key per distinct title (a few
 * hundred milliseconds and over 100 MB of short-lived garbage for 100,000), which a learner
 * who never sorts by title should not pay. Thread-safe.
 */
final class TextOrder {

    private final PurchaseSnapshot snapshot;
    private final Locale locale;
    private final int[][] places = new int[PurchaseMatches.Text.values().length][];

    TextOrder(PurchaseSnapshot snapshot, Locale locale) {
        this.snapshot = snapshot;
        this.locale = locale;
    }

    PurchaseSnapshot snapshot() {
        return snapshot;
    }

    Locale locale() {
        return locale;
    }

    /** The places of one column, made now if not yet (call off the UI thread when unsure). */
    synchronized int[] places(PurchaseMatches.Text text) {
        int[] known = places[text.ordinal()];
        if (known == null) {
            known = switch (text) {
                case TITLE -> places(snapshot.size(), snapshot::title, Collator.getInstance(locale));
                case PARTNER -> places(snapshot.size(), snapshot::partner, Collator.getInstance(locale));
                case RECEIPT -> places(snapshot.size(), snapshot::receiptNumber, null);
            };
            places[text.ordinal()] = known;
        }
        return known;
    }

    /** Each text's place among the distinct texts, sorted by {@code collator} (natural order when null). */
    private static int[] places(int size, IntFunction<String> text, Collator collator) {
        Map<String, Integer> distinct = new HashMap<>();
        int[] ids = new int[size];
        for (int i = 0; i < size; i++) {
            if ((i & 0xFFFF) == 0xFFFF && Thread.currentThread().isInterrupted()) {
                throw new CancellationException("interrupted");
            }
            String value = text.apply(i);
            ids[i] = distinct.computeIfAbsent(value == null ? "" : value, v -> distinct.size());
        }
        String[] values = new String[distinct.size()];
        distinct.forEach((value, id) -> values[id] = value);
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (collator == null) {
            Arrays.sort(order, (a, b) -> values[a].compareTo(values[b]));
        } else {
            // One key per distinct text: comparing keys is a byte compare, the collator's compare is not.
            CollationKey[] keys = new CollationKey[values.length];
            for (int i = 0; i < values.length; i++) {
                keys[i] = collator.getCollationKey(values[i]);
            }
            Arrays.sort(order, (a, b) -> keys[a].compareTo(keys[b]));
        }
        int[] placeOfId = new int[values.length];
        for (int place = 0; place < order.length; place++) {
            placeOfId[order[place]] = place;
        }
        int[] result = new int[size];
        for (int i = 0; i < size; i++) {
            result[i] = placeOfId[ids[i]];
        }
        return result;
    }
}
