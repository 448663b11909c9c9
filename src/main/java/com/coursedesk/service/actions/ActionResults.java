package com.coursedesk.service.actions;

import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.Subscription;
import com.google.gson.JsonObject;

/** The resulting state kept in the action history: what the provider said it now is. */
final class ActionResults {

    private ActionResults() {
    }

    static String summary(Object result) {
        JsonObject out = new JsonObject();
        if (result instanceof Subscription s) {
            out.addProperty("type", "subscription");
            out.addProperty("id", s.id());
            out.addProperty("title", s.product().title());
            out.addProperty("status", s.status().wireName());
            out.addProperty("cancelAtPeriodEnd", s.cancelAtPeriodEnd());
            out.addProperty("currentPeriodEnd", s.currentPeriodEnd().toString());
            addInstant(out, "canceledAt", s.canceledAt());
            addInstant(out, "endedAt", s.endedAt());
            addInstant(out, "nextPaymentAt", s.nextPaymentAt());
            if (s.nextPaymentAmount() != null) {
                out.addProperty("nextPaymentAmountMinor", s.nextPaymentAmount().amountMinor());
                out.addProperty("nextPaymentCurrency", s.nextPaymentAmount().currency().getCurrencyCode());
            }
            addInstant(out, "deadlinesResetAt", s.deadlinesResetAt());
            out.addProperty("updatedAt", s.updatedAt().toString());
            out.addProperty("version", s.version());
        } else if (result instanceof Purchase p) {
            out.addProperty("type", "purchase");
            out.addProperty("id", p.id());
            out.addProperty("title", p.product().title());
            out.addProperty("status", p.status().wireName());
            out.addProperty("totalMinor", p.total().amountMinor());
            out.addProperty("currency", p.total().currency().getCurrencyCode());
            addInstant(out, "refundedAt", p.refundedAt());
            out.addProperty("receiptNumber", p.receiptNumber());
            out.addProperty("updatedAt", p.updatedAt().toString());
            out.addProperty("version", p.version());
        }
        return out.toString();
    }

    private static void addInstant(JsonObject out, String name, java.time.Instant value) {
        if (value != null) {
            out.addProperty(name, value.toString());
        }
    }
}
