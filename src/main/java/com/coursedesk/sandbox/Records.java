package com.coursedesk.sandbox;

import com.google.gson.JsonObject;

import java.time.Instant;

/**
 * The sandbox's records, shaped exactly as the contract's JSON (Gson writes them field by
 * field, nulls included). Mutable on purpose: the billing rules load one, change it and store
 * it back with a new version.
 */
final class Records {

    private Records() {
    }

    static final class Money {
        long amountMinor;
        String currency;

        Money() {
        }

        Money(long amountMinor, String currency) {
            this.amountMinor = amountMinor;
            this.currency = currency;
        }
    }

    static final class Product {
        String id;
        String title;
        String type;
        String partner;

        Product() {
        }

        Product(String id, String title, String type, String partner) {
            this.id = id;
            this.title = title;
            this.type = type;
            this.partner = partner;
        }
    }

    static final class Plan {
        String id;
        String interval;
        Money price;
    }

    static final class Purchase {
        String id;
        String kind;
        Product product;
        String subscriptionId;
        Money amount;
        Money tax;
        Money total;
        String channel;
        String status;
        Instant purchasedAt;
        Instant refundedAt;
        Instant refundableUntil;
        String receiptNumber;
        JsonObject paymentMethod;
        Instant updatedAt;
        long version;
    }

    static final class Subscription {
        String id;
        Product product;
        Plan plan;
        String channel;
        String status;
        Instant startedAt;
        Instant trialEndsAt;
        Instant currentPeriodStart;
        Instant currentPeriodEnd;
        boolean cancelAtPeriodEnd;
        Instant canceledAt;
        Instant endedAt;
        Instant nextPaymentAt;
        Money nextPaymentAmount;
        Instant deadlinesResetAt;
        Instant updatedAt;
        long version;
    }

    static final class Account {
        String id;
        String email;
        String displayName;
        String country;
        String currency;
        String locale;
        Instant createdAt;
    }
}
