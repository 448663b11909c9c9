package com.coursedesk.service.paperwork;

import com.coursedesk.domain.Money;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.PurchaseKind;
import com.coursedesk.domain.PurchaseStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static com.coursedesk.service.purchases.PurchaseFixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;

/** Period by period, what a subscription cost, with changes of price and currency marked. */
class PriceHistoryTest {

    private static Purchase payment(String id, String at, long minor, String currency, PurchaseStatus status) {
        return purchase(id).kind(PurchaseKind.SUBSCRIPTION_PAYMENT).price(minor, currency).status(status)
                .purchasedAt(Instant.parse(at)).build();
    }

    @Test
    void paymentsAreInTimeOrderWithRisesFallsAndCurrencyChangesMarked() {
        List<Purchase> payments = List.of(
                payment("p4", "2026-04-01T10:00:00Z", 4500, "EUR", PurchaseStatus.PAID),
                payment("p1", "2026-01-01T10:00:00Z", 3900, "GBP", PurchaseStatus.PAID),
                payment("p3", "2026-03-01T10:00:00Z", 3500, "GBP", PurchaseStatus.REFUNDED),
                payment("p2", "2026-02-01T10:00:00Z", 3900, "GBP", PurchaseStatus.PAID),
                payment("p5", "2026-05-01T10:00:00Z", 4500, "EUR", PurchaseStatus.PAID),
                payment("p6", "2026-06-01T10:00:00Z", 4900, "EUR", PurchaseStatus.PAID));

        List<PricePoint> points = PriceHistory.points(payments);

        assertThat(points).extracting(PricePoint::purchaseId).containsExactly("p1", "p2", "p3", "p4", "p5", "p6");
        assertThat(points).extracting(PricePoint::change).containsExactly(PriceChange.FIRST, PriceChange.SAME,
                PriceChange.DECREASE, PriceChange.CURRENCY, PriceChange.SAME, PriceChange.INCREASE);
        assertThat(points.get(2).refunded()).isTrue();
        assertThat(points.get(5).previous()).isEqualTo(Money.of(4500, "EUR"));
        assertThat(points.get(0).previous()).isNull();
        assertThat(new PriceHistory("sub_1", "Plan", points).changes()).isEqualTo(3);
    }

    @Test
    void failedAndPendingPaymentsTookNothingAndOneOffPurchasesAreNotPeriods() {
        List<Purchase> purchases = List.of(
                payment("paid", "2026-01-01T10:00:00Z", 3900, "GBP", PurchaseStatus.PAID),
                payment("failed", "2026-02-01T10:00:00Z", 4900, "GBP", PurchaseStatus.FAILED),
                payment("pending", "2026-03-01T10:00:00Z", 4900, "GBP", PurchaseStatus.PENDING),
                purchase("one_off").price(9900, "GBP").purchasedAt(Instant.parse("2026-03-05T10:00:00Z")).build(),
                payment("again", "2026-04-01T10:00:00Z", 3900, "GBP", PurchaseStatus.PAID));

        List<PricePoint> points = PriceHistory.points(purchases);

        assertThat(points).extracting(PricePoint::purchaseId).containsExactly("paid", "again");
        assertThat(points.get(1).change()).isEqualTo(PriceChange.SAME);
    }

    @Test
    void theHistoryOfOneSubscriptionIgnoresTheOthersPayments() {
        Purchase mine = purchase("a").kind(PurchaseKind.SUBSCRIPTION_PAYMENT).price(3900, "GBP").build();
        Purchase theirs = purchase("b").kind(PurchaseKind.SUBSCRIPTION_PAYMENT).price(9900, "GBP").build();

        PriceHistory history = PriceHistory.of(mine.subscriptionId(), "Mine", List.of(mine, theirs));

        assertThat(history.points()).extracting(PricePoint::purchaseId).containsExactly("a");
        assertThat(history.latest().paid()).isEqualTo(Money.of(3900, "GBP"));
        assertThat(PriceHistory.of("sub_none", "None", List.of(mine)).latest()).isNull();
    }
}
