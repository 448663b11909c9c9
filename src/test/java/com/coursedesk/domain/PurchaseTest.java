package com.coursedesk.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PurchaseTest {

    private static final Instant BOUGHT = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-11-15T10:00:00Z");

    private static Purchase purchase(Channel channel, PurchaseStatus status, Instant refundableUntil) {
        Money amount = Money.of(4083, "GBP");
        return new Purchase("pur_1", PurchaseKind.ONE_TIME,
                new Product("prd_1", "Cálculo I — 微積分", ProductType.COURSE, "Universidad"),
                null, amount, Money.of(817, "GBP"), Money.of(4900, "GBP"),
                channel, status, BOUGHT,
                status == PurchaseStatus.REFUNDED ? BOUGHT.plusSeconds(60) : null,
                refundableUntil, "R-2026-000123", new PaymentMethod.Card("visa", "4242"), BOUGHT, 1);
    }

    @Test
    void paidWebPurchaseIsRefundableUpToAndIncludingTheLastInstant() {
        Purchase p = purchase(Channel.WEB, PurchaseStatus.PAID, UNTIL);
        assertThat(p.isRefundable(BOUGHT)).isTrue();
        assertThat(p.isRefundable(UNTIL)).isTrue();
        assertThat(p.isRefundable(UNTIL.plusMillis(1))).isFalse();
    }

    @Test
    void noRefundWindowMeansNoRefund() {
        assertThat(purchase(Channel.WEB, PurchaseStatus.PAID, null).isRefundable(BOUGHT)).isFalse();
    }

    @Test
    void onlyPaidPurchasesAreRefundable() {
        assertThat(purchase(Channel.WEB, PurchaseStatus.REFUNDED, UNTIL).isRefundable(BOUGHT)).isFalse();
        assertThat(purchase(Channel.WEB, PurchaseStatus.PENDING, UNTIL).isRefundable(BOUGHT)).isFalse();
        assertThat(purchase(Channel.WEB, PurchaseStatus.FAILED, UNTIL).isRefundable(BOUGHT)).isFalse();
    }

    @Test
    void storePurchasesAreRefundedByTheStoreNotHere() {
        Purchase p = purchase(Channel.APP_STORE, PurchaseStatus.PAID, UNTIL);
        assertThat(p.isManagedHere()).isFalse();
        assertThat(p.isRefundable(BOUGHT)).isFalse();
        assertThat(purchase(Channel.GOOGLE_PLAY, PurchaseStatus.PAID, UNTIL).isRefundable(BOUGHT)).isFalse();
    }

    @Test
    void requiredFieldsAreRequired() {
        assertThatThrownBy(() -> new Purchase("pur_1", PurchaseKind.ONE_TIME, null, null, null, null, null,
                Channel.WEB, PurchaseStatus.PAID, BOUGHT, null, null, "R", new PaymentMethod.PayPal("a***@x"),
                BOUGHT, 1)).isInstanceOf(NullPointerException.class).hasMessageContaining("product");
    }
}
