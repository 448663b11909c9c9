package com.coursedesk.cli;

import com.coursedesk.domain.BillingInterval;
import com.coursedesk.domain.Channel;
import com.coursedesk.domain.PurchaseStatus;
import com.coursedesk.domain.Subscription;
import com.coursedesk.domain.SubscriptionStatus;


/** Record states, channels and plans as words for tables and messages. */
final class RecordWords {

    private final CliMessages messages;
    private final CliFormat format;

    RecordWords(CliContext context) {
        this.messages = context.messages();
        this.format = context.format();
    }

    String channel(Channel channel) {
        return switch (channel) {
            case WEB -> messages.get("cli.channel.web");
            case APP_STORE -> messages.get("cli.channel.appStore");
            case GOOGLE_PLAY -> messages.get("cli.channel.googlePlay");
        };
    }

    String purchaseStatus(PurchaseStatus status) {
        return switch (status) {
            case PAID -> messages.get("cli.purchaseStatus.paid");
            case PENDING -> messages.get("cli.purchaseStatus.pending");
            case FAILED -> messages.get("cli.purchaseStatus.failed");
            case REFUNDED -> messages.get("cli.purchaseStatus.refunded");
        };
    }

    String plan(Subscription s) {
        String price = format.money(s.plan().price());
        return s.plan().interval() == BillingInterval.YEAR ? messages.get("cli.plan.yearly", price)
                : messages.get("cli.plan.monthly", price);
    }

    /** The state and what happens next: "active, renews 12 Dec 2026 (£319.00)". */
    String subscriptionState(Subscription s) {
        if (s.status() == SubscriptionStatus.CANCELED) {
            return s.endedAt() == null ? messages.get("cli.subscription.canceled")
                    : messages.get("cli.subscription.ended", format.date(s.endedAt()));
        }
        if (s.isSetToEnd()) {
            return messages.get("cli.subscription.setToEnd", format.date(s.accessEndsAt()));
        }
        String next = s.nextPaymentAt() == null || s.nextPaymentAmount() == null ? null
                : messages.get("cli.subscription.next", format.date(s.nextPaymentAt()),
                        format.money(s.nextPaymentAmount()));
        String state = switch (s.status()) {
            case TRIALING -> messages.get("cli.subscription.trialing");
            case ACTIVE -> messages.get("cli.subscription.active");
            case PAST_DUE -> messages.get("cli.subscription.pastDue");
            case CANCELED -> messages.get("cli.subscription.canceled");
        };
        return next == null ? state : state + ", " + next;
    }
}
