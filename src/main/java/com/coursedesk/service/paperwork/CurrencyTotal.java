package com.coursedesk.service.paperwork;

import com.coursedesk.domain.Money;

import java.util.Currency;
import java.util.Objects;

/**
 * What a tax year's purchases in one currency add up to; amounts in other currencies are
 * never added to it.
 *
 * @param paidCount     purchases paid (and not refunded)
 * @param amount        their prices before tax
 * @param tax           their tax
 * @param total         what was paid
 * @param refundedCount purchases paid and then refunded (not in the sums above)
 * @param refunded      what was refunded
 */
public record CurrencyTotal(Currency currency, int paidCount, Money amount, Money tax, Money total,
                            int refundedCount, Money refunded) {

    public CurrencyTotal {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(refunded, "refunded");
    }
}
