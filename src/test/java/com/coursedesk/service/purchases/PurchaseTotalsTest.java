package com.coursedesk.service.purchases;

import com.coursedesk.domain.Money;
import com.coursedesk.domain.PurchaseStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.coursedesk.service.purchases.PurchaseFixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;

class PurchaseTotalsTest {

    @Test
    void sumsPerCurrencyOnlyWhatWasPaidAndSeparatelyWhatWasRefunded() {
        PurchaseTotals totals = PurchaseTotals.of(PurchaseFixtures.adaLikeHistory());
        // GBP has most payments, then the single ones by currency code.
        assertThat(totals.paid()).containsExactly(Money.of(12597, "GBP"), Money.of(4500, "EUR"),
                Money.of(4900, "JPY"), Money.of(4900, "USD"));
        assertThat(totals.refunded()).containsExactly(Money.of(3900, "GBP"));
    }

    @Test
    void failedAndPendingPaymentsTookNothing() {
        PurchaseTotals totals = PurchaseTotals.of(List.of(
                purchase("a").status(PurchaseStatus.FAILED).build(),
                purchase("b").status(PurchaseStatus.PENDING).build()));
        assertThat(totals.paid()).isEmpty();
        assertThat(totals.refunded()).isEmpty();
    }
}
