package com.coursedesk.cli;

import com.coursedesk.data.db.ActionRecord;
import com.coursedesk.domain.Money;
import com.coursedesk.domain.PaymentMethod;
import com.coursedesk.domain.Product;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.Subscription;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonWriter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.function.Function;

/**
 * JSON output: records in the billing contract's field names and shapes (so a script written
 * against the API reads them unchanged), plus {@code "pending"} where an action on the record
 * waits for the server. Instants are RFC 3339 in UTC, money is minor units plus currency.
 */
final class CliJson {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping()
            .create();

    private CliJson() {
    }

    static String print(JsonElement element) {
        return GSON.toJson(element);
    }

    /**
     * Writes a JSON array element by element, so a history of 100,000 purchases is never held
     * as one tree and one string.
     */
    static <T> void printArray(PrintStream out, Iterable<T> items, Function<T, JsonElement> toJson) {
        try {
            Writer writer = new BufferedWriter(new PrintStreamWriter(out));
            JsonWriter json = GSON.newJsonWriter(writer);
            json.beginArray();
            for (T item : items) {
                GSON.toJson(toJson.apply(item), json);
            }
            json.endArray();
            json.flush();
            out.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Characters into a {@link PrintStream}, which encodes them as it does for {@code println}. */
    private static final class PrintStreamWriter extends Writer {

        private final PrintStream out;

        PrintStreamWriter(PrintStream out) {
            this.out = out;
        }

        @Override
        public void write(char[] buffer, int offset, int length) {
            out.print(String.valueOf(buffer, offset, length));
        }

        @Override
        public void flush() {
            out.flush();
        }

        @Override
        public void close() {
            out.flush();
        }
    }

    static JsonObject purchase(Purchase p, ActionRecord pending) {
        JsonObject o = new JsonObject();
        o.addProperty("id", p.id());
        o.addProperty("kind", p.kind().wireName());
        o.add("product", product(p.product()));
        o.add("subscriptionId", string(p.subscriptionId()));
        o.add("amount", money(p.amount()));
        o.add("tax", money(p.tax()));
        o.add("total", money(p.total()));
        o.addProperty("channel", p.channel().wireName());
        o.addProperty("status", p.status().wireName());
        o.add("purchasedAt", instant(p.purchasedAt()));
        o.add("refundedAt", instant(p.refundedAt()));
        o.add("refundableUntil", instant(p.refundableUntil()));
        o.addProperty("receiptNumber", p.receiptNumber());
        JsonObject method = new JsonObject();
        if (p.paymentMethod() instanceof PaymentMethod.Card card) {
            method.addProperty("type", "card");
            method.addProperty("brand", card.brand());
            method.addProperty("last4", card.last4());
        } else if (p.paymentMethod() instanceof PaymentMethod.PayPal payPal) {
            method.addProperty("type", "paypal");
            method.addProperty("email", payPal.maskedEmail());
        }
        o.add("paymentMethod", method);
        o.add("updatedAt", instant(p.updatedAt()));
        o.addProperty("version", p.version());
        if (pending != null) {
            o.add("pending", pendingAction(pending));
        }
        return o;
    }

    static JsonObject subscription(Subscription s, ActionRecord pending) {
        JsonObject o = new JsonObject();
        o.addProperty("id", s.id());
        o.add("product", product(s.product()));
        JsonObject plan = new JsonObject();
        plan.addProperty("id", s.plan().id());
        plan.addProperty("interval", s.plan().interval().wireName());
        plan.add("price", money(s.plan().price()));
        o.add("plan", plan);
        o.addProperty("channel", s.channel().wireName());
        o.addProperty("status", s.status().wireName());
        o.add("startedAt", instant(s.startedAt()));
        o.add("trialEndsAt", instant(s.trialEndsAt()));
        o.add("currentPeriodStart", instant(s.currentPeriodStart()));
        o.add("currentPeriodEnd", instant(s.currentPeriodEnd()));
        o.addProperty("cancelAtPeriodEnd", s.cancelAtPeriodEnd());
        o.add("canceledAt", instant(s.canceledAt()));
        o.add("endedAt", instant(s.endedAt()));
        o.add("nextPaymentAt", instant(s.nextPaymentAt()));
        o.add("nextPaymentAmount", s.nextPaymentAmount() == null ? JsonNull.INSTANCE : money(s.nextPaymentAmount()));
        o.add("deadlinesResetAt", instant(s.deadlinesResetAt()));
        o.add("updatedAt", instant(s.updatedAt()));
        o.addProperty("version", s.version());
        if (pending != null) {
            o.add("pending", pendingAction(pending));
        }
        return o;
    }

    /** The short form of an open action, nested in its record. */
    static JsonObject pendingAction(ActionRecord a) {
        JsonObject o = new JsonObject();
        o.addProperty("actionId", a.id());
        o.addProperty("kind", a.kind().wireName());
        o.addProperty("state", a.state().wireName());
        o.add("askedAt", instant(a.createdAt()));
        o.addProperty("idempotencyKey", a.idempotencyKey());
        o.addProperty("attempts", a.attempts());
        return o;
    }

    /** One entry of the action history, with the provider's answer. */
    static JsonObject action(ActionRecord a) {
        JsonObject o = new JsonObject();
        o.addProperty("actionId", a.id());
        o.addProperty("kind", a.kind().wireName());
        o.addProperty("targetType", a.targetType().wireName());
        o.addProperty("targetId", a.targetId());
        o.addProperty("idempotencyKey", a.idempotencyKey());
        o.add("request", parseOrString(a.requestJson()));
        o.addProperty("state", a.state().wireName());
        o.add("askedAt", instant(a.createdAt()));
        o.add("sentAt", instant(a.sentAt()));
        o.add("answeredAt", instant(a.answeredAt()));
        o.addProperty("attempts", a.attempts());
        o.add("lastError", string(a.lastError()));
        o.add("serverStatus", a.serverStatus() == null ? JsonNull.INSTANCE : new JsonPrimitive(a.serverStatus()));
        o.add("serverCode", string(a.serverCode()));
        o.add("serverDetail", string(a.serverDetail()));
        o.add("serverTime", instant(a.serverTime()));
        o.add("result", a.resultJson() == null ? JsonNull.INSTANCE : parseOrString(a.resultJson()));
        return o;
    }

    private static JsonObject product(Product product) {
        JsonObject o = new JsonObject();
        o.addProperty("id", product.id());
        o.addProperty("title", product.title());
        o.addProperty("type", product.type().wireName());
        o.addProperty("partner", product.partner());
        return o;
    }

    private static JsonObject money(Money money) {
        JsonObject o = new JsonObject();
        o.addProperty("amountMinor", money.amountMinor());
        o.addProperty("currency", money.currency().getCurrencyCode());
        return o;
    }

    static JsonElement instant(Instant instant) {
        return instant == null ? JsonNull.INSTANCE : new JsonPrimitive(instant.toString());
    }

    static JsonElement string(String value) {
        return value == null ? JsonNull.INSTANCE : new JsonPrimitive(value);
    }

    private static JsonElement parseOrString(String json) {
        try {
            return JsonParser.parseString(json);
        } catch (RuntimeException notJson) {
            return new JsonPrimitive(json);
        }
    }
}
