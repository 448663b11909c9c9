package com.coursedesk.sandbox;

import com.coursedesk.contract.ContractHttpClient;
import com.coursedesk.contract.ContractHttpClient.Response;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sandbox started in-process plus a {@link ContractHttpClient} on it: every {@code /v1}
 * answer a test sees has already been checked against the OpenAPI document. The control
 * interface ({@code /_sandbox/...}) is reached through the same client, unchecked.
 */
final class SandboxFixture implements AutoCloseable {

    static final String ADA = "ada@example.com";
    static final String BOB = "bob@example.com";
    static final String EVE = "eve@example.com";
    static final String KENJI = "kenji@example.jp";
    static final String SCALE = "scale@example.com";

    // Ada's seeded subscriptions, by product title.
    static final String ADA_TRIAL = "Machine Learning Specialization";
    static final String ADA_YEARLY = "Coursera Plus";
    static final String ADA_ENDING = "Google Data Analytics Professional Certificate";
    static final String ADA_PAST_DUE = "Deep Learning Specialization";
    static final String ADA_CANCELED = "Aprendizaje Automático";
    static final String ADA_APP_STORE_SUB = "IBM Data Science Professional Certificate";
    static final String ADA_GOOGLE_PLAY_SUB = "Python for Everybody";
    static final String ADA_ACTIVE_JPY = "機械学習入門";
    // Ada's seeded one-time purchases, by product title.
    static final String ADA_RECENT = "Introduction to Psychology";
    static final String ADA_PAST_WINDOW = "Build a Website with HTML, CSS and Bootstrap";
    static final String ADA_REFUNDED = "Financial Markets";
    static final String ADA_PENDING = "Create Charts and Dashboards in Google Sheets";
    static final String ADA_FAILED = "Writing in the Sciences";
    static final String ADA_APP_STORE_PURCHASE = "Learning How to Learn";
    static final String ADA_GOOGLE_PLAY_PURCHASE = "Getting Started with Trello";
    // Bob's seeded subscriptions.
    static final String BOB_CANCELED = "Data Science Fundamentals";
    static final String BOB_ACTIVE = "Google UX Design Professional Certificate";

    private final SandboxServer server;
    private final ContractHttpClient client;

    private SandboxFixture(SandboxServer server) {
        this.server = server;
        this.client = new ContractHttpClient(server.baseUri());
    }

    static SandboxFixture start() {
        return start(SandboxOptions.forTests());
    }

    static SandboxFixture start(SandboxOptions options) {
        try {
            return new SandboxFixture(SandboxServer.start(options));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SandboxServer server() {
        return server;
    }

    ContractHttpClient client() {
        return client;
    }

    @Override
    public void close() {
        server.close();
    }

    // ----- requests -----

    Response get(String pathAndQuery, String token) {
        return client.get(pathAndQuery, token);
    }

    Response post(String path, String token, String idempotencyKey, String body) {
        return client.post(path, token, idempotencyKey, body);
    }

    Response cancel(String token, String subscriptionId, String key, String body) {
        return post("/v1/subscriptions/" + subscriptionId + "/cancel", token, key, body);
    }

    Response cancel(String token, String subscriptionId) {
        return cancel(token, subscriptionId, newKey(), "{}");
    }

    Response restart(String token, String subscriptionId, String key) {
        return post("/v1/subscriptions/" + subscriptionId + "/restart", token, key, "{}");
    }

    Response restart(String token, String subscriptionId) {
        return restart(token, subscriptionId, newKey());
    }

    Response refund(String token, String purchaseId, String key, String body) {
        return post("/v1/purchases/" + purchaseId + "/refund-request", token, key, body);
    }

    Response refund(String token, String purchaseId) {
        return refund(token, purchaseId, newKey(), "{\"reason\":\"It was not what I expected.\"}");
    }

    static String newKey() {
        return UUID.randomUUID().toString();
    }

    // ----- sign-in -----

    String password(String email) {
        return server.demoAccounts().stream().filter(a -> a.email().equals(email)).findFirst().orElseThrow()
                .password();
    }

    static String loginBody(String email, String password) {
        JsonObject body = new JsonObject();
        body.addProperty("email", email);
        body.addProperty("password", password);
        return body.toString();
    }

    Response login(String email, String password) {
        return post("/v1/auth/login", null, null, loginBody(email, password));
    }

    /** Signs in with the seeded password and returns the whole token answer. */
    JsonObject tokens(String email) {
        Response r = login(email, password(email));
        assertThat(r.status()).as("sign-in of %s: %s", email, r.body()).isEqualTo(200);
        return r.json();
    }

    /** Signs in with the seeded password and returns the access token. */
    String signIn(String email) {
        return tokens(email).get("accessToken").getAsString();
    }

    // ----- the control interface -----

    Response control(String method, String path, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        Response r = client.send(method, path, headers, body);
        assertThat(r.status()).as("%s %s: %s", method, path, r.body()).isBetween(200, 299);
        return r;
    }

    void advance(Duration by) {
        control("POST", "/_sandbox/clock/advance", "{\"seconds\":" + by.toSeconds() + "}");
    }

    void advanceDays(long days) {
        control("POST", "/_sandbox/clock/advance", "{\"days\":" + days + "}");
    }

    /** Moves the sandbox clock forward to {@code target} (to the second; a no-op when already past). */
    void advanceTo(Instant target) {
        long seconds = Duration.between(now(), target).toSeconds();
        if (seconds > 0) {
            advance(Duration.ofSeconds(seconds));
        }
    }

    /** The sandbox's current time, as its control interface reports it. */
    Instant now() {
        return Instant.parse(control("GET", "/_sandbox/clock", null).json().get("now").getAsString());
    }

    void faults(String json) {
        control("POST", "/_sandbox/faults", json);
    }

    void clearFaults() {
        control("DELETE", "/_sandbox/faults", null);
    }

    void expireTokens() {
        control("POST", "/_sandbox/tokens/expire", null);
    }

    void expireCursors() {
        control("POST", "/_sandbox/cursors/expire", null);
    }

    void deleteRecord(String id) {
        control("POST", "/_sandbox/records/" + id + "/delete", null);
    }

    void changePrice(String subscriptionId, long amountMinor, String currency) {
        control("POST", "/_sandbox/subscriptions/" + subscriptionId + "/price",
                "{\"amountMinor\":" + amountMinor + ",\"currency\":\"" + currency + "\"}");
    }

    void setCardDeclines(String email, boolean declines) {
        control("POST", "/_sandbox/accounts/" + email + "/card", "{\"declines\":" + declines + "}");
    }

    // ----- sync -----

    /** One sync page; the answer must be 200. */
    SyncPage syncPage(String token, String cursorOrNull, Integer limitOrNull) {
        StringBuilder query = new StringBuilder("/v1/sync");
        String sep = "?";
        if (cursorOrNull != null) {
            query.append(sep).append("cursor=").append(cursorOrNull);
            sep = "&";
        }
        if (limitOrNull != null) {
            query.append(sep).append("limit=").append(limitOrNull);
        }
        Response r = get(query.toString(), token);
        assertThat(r.status()).as("GET %s: %s", query, r.body()).isEqualTo(200);
        return SyncPage.of(r.json());
    }

    /** Every page from the beginning (no cursor). */
    Snapshot fullSync(String token) {
        return syncFrom(token, null);
    }

    /** Every page after {@code cursorOrNull}, newest state of each record kept. */
    Snapshot syncFrom(String token, String cursorOrNull) {
        Map<String, JsonObject> purchases = new LinkedHashMap<>();
        Map<String, JsonObject> subscriptions = new LinkedHashMap<>();
        List<JsonObject> deleted = new ArrayList<>();
        String cursor = cursorOrNull;
        SyncPage page;
        int pages = 0;
        do {
            page = syncPage(token, cursor, 1000);
            page.purchases().forEach(p -> purchases.put(id(p), p));
            page.subscriptions().forEach(s -> subscriptions.put(id(s), s));
            deleted.addAll(page.deleted());
            cursor = page.cursor();
            pages++;
            assertThat(pages).as("sync terminates").isLessThan(1000);
        } while (page.hasMore());
        return new Snapshot(purchases, subscriptions, deleted, cursor);
    }

    /** The answer must be 200 and healthy. */
    void assertHealthy() {
        Response r = get("/v1/health", null);
        assertThat(r.status()).as("GET /v1/health: %s", r.body()).isEqualTo(200);
        assertThat(r.json().get("status").getAsString()).isEqualTo("ok");
    }

    // ----- JSON helpers -----

    static String id(JsonObject record) {
        return record.get("id").getAsString();
    }

    static String str(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    static Instant time(JsonObject o, String field) {
        String text = str(o, field);
        return text == null ? null : Instant.parse(text);
    }

    static long version(JsonObject o) {
        return o.get("version").getAsLong();
    }

    static String title(JsonObject record) {
        return record.getAsJsonObject("product").get("title").getAsString();
    }

    /** {@code {"amountMinor":..,"currency":..}} as "4900 GBP". */
    static String money(JsonElement money) {
        if (money == null || money.isJsonNull()) {
            return null;
        }
        JsonObject m = money.getAsJsonObject();
        return m.get("amountMinor").getAsLong() + " " + m.get("currency").getAsString();
    }

    static String problemCode(Response r) {
        return r.problemCode();
    }

    /** One page of {@code GET /v1/sync}. */
    record SyncPage(List<JsonObject> purchases, List<JsonObject> subscriptions, List<JsonObject> deleted,
                    String cursor, boolean hasMore, long remaining) {

        static SyncPage of(JsonObject json) {
            return new SyncPage(objects(json, "purchases"), objects(json, "subscriptions"), objects(json, "deleted"),
                    json.get("cursor").getAsString(), json.get("hasMore").getAsBoolean(),
                    json.get("remaining").getAsLong());
        }

        private static List<JsonObject> objects(JsonObject json, String field) {
            List<JsonObject> out = new ArrayList<>();
            json.getAsJsonArray(field).forEach(e -> out.add(e.getAsJsonObject()));
            return out;
        }

        int size() {
            return purchases.size() + subscriptions.size() + deleted.size();
        }

        List<String> ids() {
            List<String> ids = new ArrayList<>();
            purchases.forEach(p -> ids.add("purchase:" + id(p)));
            subscriptions.forEach(s -> ids.add("subscription:" + id(s)));
            deleted.forEach(d -> ids.add(d.get("type").getAsString() + ":" + id(d)));
            return ids;
        }
    }

    /** What a sync pass saw: records by id, deletions, and the last cursor. */
    record Snapshot(Map<String, JsonObject> purchases, Map<String, JsonObject> subscriptions,
                    List<JsonObject> deleted, String cursor) {

        JsonObject subscriptionTitled(String title) {
            List<JsonObject> found = subscriptions.values().stream().filter(s -> title(s).equals(title)).toList();
            assertThat(found).as("subscriptions titled %s", title).hasSize(1);
            return found.get(0);
        }

        JsonObject purchaseTitled(String title) {
            List<JsonObject> found = purchases.values().stream()
                    .filter(p -> str(p, "kind").equals("one_time") && title(p).equals(title)).toList();
            assertThat(found).as("one-time purchases titled %s", title).hasSize(1);
            return found.get(0);
        }

        /** The payments of one subscription, oldest first. */
        List<JsonObject> paymentsOf(String subscriptionId) {
            return purchases.values().stream()
                    .filter(p -> subscriptionId.equals(str(p, "subscriptionId")))
                    .sorted((a, b) -> time(a, "purchasedAt").compareTo(time(b, "purchasedAt")))
                    .collect(Collectors.toList());
        }

        boolean isEmpty() {
            return purchases.isEmpty() && subscriptions.isEmpty() && deleted.isEmpty();
        }
    }
}
