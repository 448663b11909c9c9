package com.coursedesk.service.purchases;

import com.coursedesk.domain.Money;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.PurchaseStatus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums of a list of purchases, one per currency and never added across currencies (there is
 * no exchange rate here that the learner's bank would agree with). Only money that moved
 * counts: paid purchases, and separately refunded ones; failed and pending payments took
 * nothing.
 *
 * @param paid     the totals of the paid purchases, the currency with most payments first
 * @param refunded the totals of the refunded purchases, in the same order rule
 */
public record PurchaseTotals(List<Money> paid, List<Money> refunded) {

    public PurchaseTotals {
        paid = List.copyOf(paid);
        refunded = List.copyOf(refunded);
    }

    public static PurchaseTotals of(Collection<Purchase> purchases) {
        Map<Currency, long[]> paid = new HashMap<>();
        Map<Currency, long[]> refunded = new HashMap<>();
        for (Purchase p : purchases) {
            Map<Currency, long[]> target = p.status() == PurchaseStatus.PAID ? paid
                    : p.status() == PurchaseStatus.REFUNDED ? refunded : null;
            if (target != null) {
                // [0] the sum in minor units, [1] how many payments: the busiest currency goes first.
                long[] sum = target.computeIfAbsent(p.total().currency(), c -> new long[2]);
                sum[0] = Math.addExact(sum[0], p.total().amountMinor());
                sum[1]++;
            }
        }
        return new PurchaseTotals(ordered(paid), ordered(refunded));
    }

    private static List<Money> ordered(Map<Currency, long[]> sums) {
        List<Map.Entry<Currency, long[]>> entries = new ArrayList<>(sums.entrySet());
        entries.sort(Comparator.<Map.Entry<Currency, long[]>>comparingLong(e -> -e.getValue()[1])
                .thenComparing(e -> e.getKey().getCurrencyCode()));
        return entries.stream().map(e -> new Money(e.getValue()[0], e.getKey())).toList();
    }
}
