package com.coursedesk.service.paperwork;

import java.util.List;
import java.util.Objects;

/**
 * What a tax-year export holds.
 *
 * @param purchases  every purchase of the year (one row and one receipt each)
 * @param paid       paid purchases
 * @param refunded   refunded purchases
 * @param notCharged pending or failed payments (nothing taken)
 * @param totals     per currency, in currency-code order
 */
public record TaxYearSummary(TaxYear year, int purchases, int paid, int refunded, int notCharged,
                             List<CurrencyTotal> totals) {

    public TaxYearSummary {
        Objects.requireNonNull(year, "year");
        totals = List.copyOf(totals);
    }
}
