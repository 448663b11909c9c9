package com.coursedesk.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One payment the learner made: a one-off purchase or one payment of a subscription.
 * Nullable fields are null (not Optional) so the record maps straight to a table row.
 *
 * @param subscriptionId  the subscription this pays for, or null for a one-off purchase
 * @param refundedAt      when it was refunded, or null
 * @param refundableUntil the last instant a refund may be requested, or null if never
 * @param version         the server's revision counter; a higher one is newer
 */
public record Purchase(
        String id,
        PurchaseKind kind,
        Product product,
        String subscriptionId,
        Money amount,
        Money tax,
        Money total,
        Channel channel,
        PurchaseStatus status,
        Instant purchasedAt,
        Instant refundedAt,
        Instant refundableUntil,
        String receiptNumber,
        PaymentMethod paymentMethod,
        Instant updatedAt,
        long version) {

    public Purchase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(purchasedAt, "purchasedAt");
        Objects.requireNonNull(receiptNumber, "receiptNumber");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** Only web purchases are refunded through this app; store purchases are refunded by the store. */
    public boolean isManagedHere() {
        return channel == Channel.WEB;
    }

    /** Whether money was taken for it: paid, or paid and refunded since (not pending, not failed). */
    public boolean wasCharged() {
        return status == PurchaseStatus.PAID || status == PurchaseStatus.REFUNDED;
    }

    /**
     * Whether the app may offer a refund request at {@code now}: a paid web purchase still
     * inside its refund window (the window's last instant included). The server has the
     * final word; this only decides whether to show the action.
     */
    public boolean isRefundable(Instant now) {
        Objects.requireNonNull(now, "now");
        return isManagedHere()
                && status == PurchaseStatus.PAID
                && refundableUntil != null
                && !now.isAfter(refundableUntil);
    }
}
