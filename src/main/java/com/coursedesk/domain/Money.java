package com.coursedesk.domain;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount of money as an integer count of the currency's minor unit (ISO 4217), the way
 * the billing API sends it: 4900 GBP is £49.00, 4900 JPY is ¥4,900. Never a double, so no
 * amount is ever rounded on its way through the client.
 */
public record Money(long amountMinor, Currency currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    /** @throws IllegalArgumentException if {@code currencyCode} is not an ISO 4217 code */
    public static Money of(long amountMinor, String currencyCode) {
        return new Money(amountMinor, Currency.getInstance(currencyCode));
    }

    /** Digits after the decimal point for this currency (0 for JPY, 2 for GBP). */
    public int fractionDigits() {
        // Pseudo-currencies (the ISO 4217 "no currency" code) report -1: they have no minor unit at all.
        return Math.max(0, currency.getDefaultFractionDigits());
    }

    /** The amount in major units, exact: 4900 GBP gives 49.00, 4900 JPY gives 4900. */
    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(amountMinor, fractionDigits());
    }

    /**
     * The amount as the locale writes money, with this currency's symbol and its own
     * number of fraction digits (the locale's usual currency does not matter).
     */
    public String format(Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(fractionDigits());
        format.setMaximumFractionDigits(fractionDigits());
        return format.format(toDecimal());
    }

    public boolean isZero() {
        return amountMinor == 0;
    }

    @Override
    public String toString() {
        return toDecimal().toPlainString() + " " + currency.getCurrencyCode();
    }
}
