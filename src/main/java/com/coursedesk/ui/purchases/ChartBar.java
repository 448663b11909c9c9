package com.coursedesk.ui.purchases;

/**
 * One bar of the spending chart.
 *
 * @param label      the period ("May 2026", "2026")
 * @param value      the amount in major units, for the bar's height
 * @param amountText the amount as money ("£39.00"), for its tooltip
 */
public record ChartBar(String label, double value, String amountText) {
}
