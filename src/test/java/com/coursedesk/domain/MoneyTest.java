package com.coursedesk.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void minorUnitsFollowTheCurrencysOwnFractionDigits() {
        assertThat(Money.of(4900, "GBP").toDecimal()).isEqualByComparingTo("49.00");
        assertThat(Money.of(4900, "GBP").toDecimal().scale()).isEqualTo(2);
        assertThat(Money.of(4900, "JPY").toDecimal()).isEqualTo(new BigDecimal("4900"));
        assertThat(Money.of(4900, "JPY").fractionDigits()).isZero();
        // Three-decimal currencies exist too (Bahraini dinar): 4900 fils is 4.900 BHD.
        assertThat(Money.of(4900, "BHD").toDecimal()).isEqualTo(new BigDecimal("4.900"));
        assertThat(Money.of(-1999, "USD").toDecimal()).isEqualTo(new BigDecimal("-19.99"));
    }

    @Test
    void pseudoCurrencyWithoutMinorUnitCountsWholeUnits() {
        // XXX reports -1 fraction digits; it must not be scaled by 10.
        assertThat(new Money(7, Currency.getInstance("XXX")).toDecimal()).isEqualTo(new BigDecimal("7"));
    }

    @Test
    void poundsInBritishEnglish() {
        assertThat(Money.of(4900, "GBP").format(Locale.UK)).isEqualTo("£49.00");
    }

    @Test
    void yenInJapaneseHasNoDecimalsAndAYenSign() {
        String text = Money.of(4900, "JPY").format(Locale.JAPAN);
        // JDK 17's CLDR data gives the fullwidth sign U+FFE5; other data sets use U+00A5.
        assertThat(text).isIn("\uFFE54,900", "\u00A54,900");
        assertThat(text).doesNotContain(".");
    }

    @Test
    void eurosInGermanPutTheSignAfterWithANonBreakingSpace() {
        assertThat(Money.of(4900, "EUR").format(Locale.GERMANY)).isEqualTo("49,00\u00A0€");
    }

    @Test
    void theCurrencyNotTheLocaleDecidesDigitsAndSymbol() {
        // A yen amount shown to a British learner: no pence, and clearly yen.
        String yenInUk = Money.of(4900, "JPY").format(Locale.UK);
        assertThat(yenInUk).contains("¥").contains("4,900").doesNotContain(".").doesNotContain("£");
        assertThat(Money.of(1999, "USD").format(Locale.US)).isEqualTo("$19.99");
        assertThat(Money.of(5, "USD").format(Locale.US)).isEqualTo("$0.05");
    }

    @Test
    void unknownCurrencyCodeIsRefused() {
        assertThatThrownBy(() -> Money.of(1, "ZZZ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Money(1, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void recordEqualityIsByAmountAndCurrency() {
        assertThat(Money.of(4900, "GBP")).isEqualTo(Money.of(4900, "GBP"));
        assertThat(Money.of(4900, "GBP")).isNotEqualTo(Money.of(4900, "EUR"));
        assertThat(Money.of(4900, "GBP")).hasToString("49.00 GBP");
        assertThat(Money.of(0, "GBP").isZero()).isTrue();
    }
}
