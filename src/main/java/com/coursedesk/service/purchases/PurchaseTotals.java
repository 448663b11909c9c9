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
        Sums sums = new Sums();
        for (Purchase p : purchases) {
            sums.add(p.status(), p.total().currency(), p.total().amountMinor());
        }
        return sums.totals();
    }

    /** The totals of a search's matches, read from their columns: no purchase is made. */
    public static PurchaseTotals of(PurchaseMatches matches) {
        Sums sums = new Sums();
        for (int i = 0; i < matches.size(); i++) {
            sums.add(matches.status(i), matches.totalCurrency(i), matches.totalMinor(i));
        }
        return sums.totals();
    }

    private static final class Sums {
        private final Map<Currency, long[]> paid = new HashMap<>();
        private final Map<Currency, long[]> refunded = new HashMap<>();

        void add(PurchaseStatus status, Currency currency, long amountMinor) {
            Map<Currency, long[]> target = status == PurchaseStatus.PAID ? paid
                    : status == PurchaseStatus.REFUNDED ? refunded : null;
            if (target != null) {
                // [0] the sum in minor units, [1] how many payments: the busiest currency goes first.
                long[] sum = target.computeIfAbsent(currency, c -> new long[2]);
                sum[0] = Math.addExact(sum[0], amountMinor);
                sum[1]++;
            }
        }

        PurchaseTotals totals() {
            return new PurchaseTotals(ordered(paid), ordered(refunded));
        }
    }

    private static List<Money> ordered(Map<Currency, long[]> sums) {
        List<Map.Entry<Currency, long[]>> entries = new ArrayList<>(sums.entrySet());
        entries.sort(Comparator.<Map.Entry<Currency, long[]>>comparingLong(e -> -e.getValue()[1])
                .thenComparing(e -> e.getKey().getCurrencyCode()));
        return entries.stream().map(e -> new Money(e.getValue()[0], e.getKey())).toList();
    }
}
