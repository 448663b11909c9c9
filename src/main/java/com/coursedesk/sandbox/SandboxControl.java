package com.coursedesk.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The control interface under {@code /_sandbox/}, which exists only when the sandbox is
 * started for development or tests ({@link SandboxOptions#controlEnabled()}). README lists
 * every endpoint.
 */
final class SandboxControl {

    private static final Pattern ACCOUNT_ACTION = Pattern.compile("^/_sandbox/accounts/([^/]+)/(card|purchases)$");
    private static final Pattern RECORD_DELETE = Pattern.compile("^/_sandbox/records/([^/]+)/delete$");
    private static final Pattern PRICE_CHANGE = Pattern.compile("^/_sandbox/subscriptions/([^/]+)/price$");

    private final SandboxStore store;
    private final SandboxClock clock;
    private final SandboxBilling billing;
    private final SandboxSyncFeed feed;
    private final SandboxFaults faults;
    private final Runnable afterClockMove;

    SandboxControl(SandboxStore store, SandboxClock clock, SandboxBilling billing, SandboxSyncFeed feed,
                   SandboxFaults faults, Runnable afterClockMove) {
        this.store = store;
        this.clock = clock;
        this.billing = billing;
        this.feed = feed;
        this.faults = faults;
        this.afterClockMove = afterClockMove;
    }

    SandboxServer.Answer handle(String method, String path, String body) {
        String route = method + " " + path;
        switch (route) {
            case "GET /_sandbox/clock" -> {
                return clockAnswer();
            }
            case "POST /_sandbox/clock/advance" -> {
                JsonObject json = SandboxJson.parseObject(body);
                SandboxJson.onlyFields(json, Set.of("seconds", "days"));
                long seconds = json.has("seconds") ? json.get("seconds").getAsLong() : 0;
                long days = json.has("days") ? json.get("days").getAsLong() : 0;
                Duration by = Duration.ofSeconds(seconds).plusDays(days);
                store.transaction(() -> {
                    clock.advance(by);
                    afterClockMove.run();
                    return null;
                });
                return clockAnswer();
            }
            case "GET /_sandbox/faults" -> {
                return SandboxServer.Answer.json(200, SandboxJson.GSON.toJson(faults.describe()));
            }
            case "POST /_sandbox/faults" -> {
                faults.configure(SandboxJson.parseObject(body));
                return SandboxServer.Answer.json(200, SandboxJson.GSON.toJson(faults.describe()));
            }
            case "DELETE /_sandbox/faults" -> {
                faults.clear();
                return SandboxServer.Answer.empty(204);
            }
            case "POST /_sandbox/tokens/expire" -> {
                store.transaction(() -> {
                    store.expireAllAccessTokens(clock.now().toEpochMilli());
                    return null;
                });
                return SandboxServer.Answer.empty(204);
            }
            case "POST /_sandbox/cursors/expire" -> {
                store.transaction(() -> {
                    feed.expireAllCursors();
                    return null;
                });
                return SandboxServer.Answer.empty(204);
            }
            case "GET /_sandbox/accounts" -> {
                return SandboxServer.Answer.json(200, accounts());
            }
            default -> {
                return recordRoutes(method, path, body);
            }
        }
    }

    private SandboxServer.Answer recordRoutes(String method, String path, String body) {
        if (!method.equals("POST")) {
            throw Problem.notFound("No such control endpoint: " + method + " " + path);
        }
        Matcher account = ACCOUNT_ACTION.matcher(path);
        if (account.matches()) {
            String email = URLDecoder.decode(account.group(1), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            JsonObject json = SandboxJson.parseObject(body);
            return store.transaction(() -> {
                String accountId = store.accountByEmail(email)
                        .orElseThrow(() -> Problem.notFound("No account " + email + ".")).id();
                if (account.group(2).equals("card")) {
                    SandboxJson.onlyFields(json, Set.of("declines"));
                    store.setCardDeclines(accountId, json.get("declines").getAsBoolean());
                    return SandboxServer.Answer.empty(204);
                }
                SandboxJson.onlyFields(json, Set.of("title", "type", "partner", "amountMinor", "currency"));
                Records.Product product = new Records.Product(
                        "prd_" + Long.toHexString(System.nanoTime()),
                        SandboxJson.requiredString(json, "title", 200),
                        json.has("type") ? json.get("type").getAsString() : "course",
                        json.has("partner") ? json.get("partner").getAsString() : "Sandbox University");
                Records.Money price = new Records.Money(json.get("amountMinor").getAsLong(),
                        SandboxJson.requiredString(json, "currency", 3));
                return SandboxServer.Answer.json(201, billing.newOneTimePurchase(accountId, product, price));
            });
        }
        Matcher delete = RECORD_DELETE.matcher(path);
        if (delete.matches()) {
            String id = URLDecoder.decode(delete.group(1), StandardCharsets.UTF_8);
            return store.transaction(() -> {
                String[] owner = store.ownerAndType(id).orElseThrow(() -> Problem.notFound("No record " + id + "."));
                store.deleteRecord(owner[0], owner[1], id);
                return SandboxServer.Answer.empty(204);
            });
        }
        Matcher price = PRICE_CHANGE.matcher(path);
        if (price.matches()) {
            String id = URLDecoder.decode(price.group(1), StandardCharsets.UTF_8);
            JsonObject json = SandboxJson.parseObject(body);
            SandboxJson.onlyFields(json, Set.of("amountMinor", "currency"));
            return store.transaction(() -> {
                String[] owner = store.ownerAndType(id).orElseThrow(() -> Problem.notFound("No record " + id + "."));
                Records.Money money = new Records.Money(json.get("amountMinor").getAsLong(),
                        SandboxJson.requiredString(json, "currency", 3));
                return SandboxServer.Answer.json(200, billing.changePrice(owner[0], id, money));
            });
        }
        throw Problem.notFound("No such control endpoint: " + method + " " + path);
    }

    private SandboxServer.Answer clockAnswer() {
        JsonObject out = new JsonObject();
        out.addProperty("now", clock.now().toString());
        out.addProperty("offsetSeconds", clock.offsetMillis() / 1000);
        return SandboxServer.Answer.json(200, SandboxJson.GSON.toJson(out));
    }

    private String accounts() {
        return store.transaction(() -> {
            JsonArray list = new JsonArray();
            for (DemoAccount demo : SandboxSeeder.ACCOUNTS) {
                store.accountByEmail(demo.email()).ifPresent(row -> {
                    JsonObject item = JsonParser.parseString(row.json()).getAsJsonObject();
                    item.addProperty("password", demo.password());
                    item.addProperty("summary", demo.summary());
                    item.addProperty("cardDeclines", row.cardDeclines());
                    item.addProperty("purchases", store.countRecords(row.id(), "purchase"));
                    item.addProperty("subscriptions", store.countRecords(row.id(), "subscription"));
                    list.add(item);
                });
            }
            JsonElement out = list;
            return SandboxJson.GSON.toJson(out);
        });
    }
}
