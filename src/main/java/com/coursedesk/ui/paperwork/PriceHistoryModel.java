package com.coursedesk.ui.paperwork;

import java.util.List;

/**
 * A subscription's price history as the dialog shows it: a list in the learner's words and a
 * chart of the amounts, one series per currency (amounts in two currencies are never on one
 * scale as if comparable).
 *
 * @param title   the dialog's title ("Price history: Coursera Plus")
 * @param summary "2 payments; the price changed once"
 * @param rows    oldest first
 * @param series  per currency, in the order the currencies were first charged
 */
public record PriceHistoryModel(String title, String summary, List<Row> rows, List<Series> series) {

    public PriceHistoryModel {
        rows = List.copyOf(rows);
        series = List.copyOf(series);
    }

    /**
     * One payment.
     *
     * @param change  "First payment", "Price up from £299.00 (+£20.00)", …
     * @param marked  a change of price or currency: shown emphasised
     * @param refunded the payment was refunded later
     */
    public record Row(String date, String amount, String change, boolean marked, boolean refunded) {
    }

    /** The amounts paid in one currency, in major units, by date label. */
    public record Series(String name, List<Point> points) {

        public Series {
            points = List.copyOf(points);
        }
    }

    public record Point(String label, double amount) {
    }
}
