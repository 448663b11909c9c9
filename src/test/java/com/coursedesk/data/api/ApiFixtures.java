package com.coursedesk.data.api;

/** Contract-shaped JSON answers for client tests. */
final class ApiFixtures {

    private ApiFixtures() {
    }

    static final String ACCOUNT = """
            {"id": "acc_1", "email": "ada@example.com", "displayName": "Ada Lovelace",
             "country": "GB", "currency": "GBP", "locale": "en-GB", "createdAt": "2025-01-02T03:04:05Z"}""";

    static final String TOKENS = """
            {"accessToken": "at-SECRET-1", "refreshToken": "rt-SECRET-1", "tokenType": "Bearer",
             "expiresIn": 900, "account": %s}""".formatted(ACCOUNT);

    static final String CARD_PURCHASE = """
            {"id": "pur_1", "kind": "one_time",
             "product": {"id": "prd_1", "title": "機械学習 — Ünïcödé", "type": "course", "partner": "Stanford University"},
             "subscriptionId": null,
             "amount": {"amountMinor": 4083, "currency": "GBP"},
             "tax": {"amountMinor": 817, "currency": "GBP"},
             "total": {"amountMinor": 4900, "currency": "GBP"},
             "channel": "web", "status": "paid",
             "purchasedAt": "2026-11-01T10:00:00Z", "refundedAt": null,
             "refundableUntil": "2026-11-15T10:00:00Z",
             "receiptNumber": "R-2026-000123",
             "paymentMethod": {"type": "card", "brand": "visa", "last4": "4242"},
             "updatedAt": "2026-11-01T10:00:01Z", "version": 3,
             "someFutureField": {"nested": [1, 2, 3]}}""";

    static final String PAYPAL_PURCHASE = """
            {"id": "pur_2", "kind": "subscription_payment",
             "product": {"id": "prd_2", "title": "Plus", "type": "plus", "partner": "CourseDesk"},
             "subscriptionId": "sub_1",
             "amount": {"amountMinor": 4900, "currency": "JPY"},
             "tax": {"amountMinor": 0, "currency": "JPY"},
             "total": {"amountMinor": 4900, "currency": "JPY"},
             "channel": "app_store", "status": "refunded",
             "purchasedAt": "2026-10-01T10:00:00+02:00", "refundedAt": "2026-10-02T10:00:00Z",
             "refundableUntil": null,
             "receiptNumber": "R-2026-000124",
             "paymentMethod": {"type": "paypal", "email": "a***@example.com"},
             "updatedAt": "2026-10-02T10:00:00Z", "version": 5}""";

    static final String SUBSCRIPTION = """
            {"id": "sub_1", "product": {"id": "prd_2", "title": "Plus", "type": "plus", "partner": "CourseDesk"},
             "plan": {"id": "plan_m", "interval": "month", "price": {"amountMinor": 4900, "currency": "GBP"}},
             "channel": "web", "status": "trialing",
             "startedAt": "2026-11-20T00:00:00Z", "trialEndsAt": "2026-11-27T00:00:00Z",
             "currentPeriodStart": "2026-11-20T00:00:00Z", "currentPeriodEnd": "2026-11-27T00:00:00Z",
             "cancelAtPeriodEnd": false, "canceledAt": null, "endedAt": null,
             "nextPaymentAt": "2026-11-27T00:00:00Z", "nextPaymentAmount": {"amountMinor": 4900, "currency": "GBP"},
             "deadlinesResetAt": null, "updatedAt": "2026-11-20T00:00:00Z", "version": 7}""";

    static final String SYNC_PAGE = """
            {"purchases": [%s, %s], "subscriptions": [%s],
             "deleted": [{"type": "purchase", "id": "pur_9"}, {"type": "subscription", "id": "sub_9"}],
             "cursor": "c-42", "hasMore": true, "remaining": 17, "serverHint": "ignored"}"""
            .formatted(CARD_PURCHASE, PAYPAL_PURCHASE, SUBSCRIPTION);
}
