package com.coursedesk.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The floor of {@link FullSyncBenchmark}: the same JSON pages (fetched once beforehand and
 * kept as strings, so no HTTP), parsed with Gson and inserted into a fresh SQLite table with
 * the same columns as the local store's {@code purchases} (no indexes, no search index), with
 * one prepared statement in one transaction, on a connection with the store's pragmas. No
 * app logic: no mapping to domain records, no versions, no cursor, no seen set.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class FullSyncFloorBenchmark {

    private static final String TABLE = "CREATE TABLE purchases (rid INTEGER PRIMARY KEY, id TEXT NOT NULL, "
            + "kind TEXT NOT NULL, product_id TEXT NOT NULL, product_title TEXT NOT NULL, product_type TEXT NOT NULL, "
            + "product_partner TEXT NOT NULL, subscription_id TEXT, amount_minor INTEGER NOT NULL, "
            + "amount_currency TEXT NOT NULL, tax_minor INTEGER NOT NULL, tax_currency TEXT NOT NULL, "
            + "total_minor INTEGER NOT NULL, total_currency TEXT NOT NULL, channel TEXT NOT NULL, "
            + "status TEXT NOT NULL, purchased_at INTEGER NOT NULL, refunded_at INTEGER, refundable_until INTEGER, "
            + "receipt_number TEXT NOT NULL, payment_type TEXT NOT NULL, card_brand TEXT, card_last4 TEXT, "
            + "paypal_email TEXT, updated_at INTEGER NOT NULL, version INTEGER NOT NULL, search_text TEXT NOT NULL, "
            + "pending_action_id INTEGER)";
    private static final String INSERT = "INSERT INTO purchases (id, kind, product_id, product_title, product_type, "
            + "product_partner, subscription_id, amount_minor, amount_currency, tax_minor, tax_currency, total_minor, "
            + "total_currency, channel, status, purchased_at, refunded_at, refundable_until, receipt_number, "
            + "payment_type, card_brand, card_last4, paypal_email, updated_at, version, search_text) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Param({"10000", "100000"})
    public int purchases;

    private Path work;
    private final List<String> pages = new ArrayList<>();
    private Connection connection;
    private int iteration;

    @Setup(Level.Trial)
    public void fetchPages() throws Exception {
        work = Files.createTempDirectory("bench-full-sync-floor-");
        try (SandboxProcess sandbox = SandboxProcess.start(purchases, work.resolve("sandbox.db"))) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            URI base = sandbox.baseUri();
            JsonObject login = new JsonObject();
            login.addProperty("email", SandboxProcess.EMAIL);
            login.addProperty("password", SandboxProcess.PASSWORD);
            String token = JsonParser.parseString(http.send(HttpRequest.newBuilder(base.resolve("/v1/auth/login"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(login.toString())).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).getAsJsonObject().get("accessToken").getAsString();
            String cursor = null;
            while (true) {
                String query = "/v1/sync?limit=1000" + (cursor == null ? ""
                        : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(base.resolve(query))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                if (page.statusCode() != 200) {
                    throw new IOException("sync answered " + page.statusCode());
                }
                pages.add(page.body());
                JsonObject json = JsonParser.parseString(page.body()).getAsJsonObject();
                cursor = json.get("cursor").getAsString();
                if (!json.get("hasMore").getAsBoolean()) {
                    break;
                }
            }
        }
    }

    @Setup(Level.Iteration)
    public void freshTable() throws SQLException {
        Path file = work.resolve("floor-" + ++iteration + ".db");
        connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = NORMAL");
            s.execute(TABLE);
        }
        connection.setAutoCommit(false);
    }

    @Benchmark
    public int parseAndInsert() throws SQLException {
        int rows = 0;
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (String page : pages) {
                JsonArray list = JsonParser.parseString(page).getAsJsonObject().getAsJsonArray("purchases");
                for (JsonElement element : list) {
                    bind(insert, element.getAsJsonObject());
                    insert.addBatch();
                    rows++;
                }
                insert.executeBatch();
            }
        }
        connection.commit();
        return rows;
    }

    private static void bind(PreparedStatement s, JsonObject p) throws SQLException {
        JsonObject product = p.getAsJsonObject("product");
        JsonObject pay = p.getAsJsonObject("paymentMethod");
        String title = product.get("title").getAsString();
        String partner = product.get("partner").getAsString();
        String receipt = p.get("receiptNumber").getAsString();
        int i = 1;
        s.setString(i++, p.get("id").getAsString());
        s.setString(i++, p.get("kind").getAsString());
        s.setString(i++, product.get("id").getAsString());
        s.setString(i++, title);
        s.setString(i++, product.get("type").getAsString());
        s.setString(i++, partner);
        s.setString(i++, text(p.get("subscriptionId")));
        for (String money : new String[] {"amount", "tax", "total"}) {
            JsonObject m = p.getAsJsonObject(money);
            s.setLong(i++, m.get("amountMinor").getAsLong());
            s.setString(i++, m.get("currency").getAsString());
        }
        s.setString(i++, p.get("channel").getAsString());
        s.setString(i++, p.get("status").getAsString());
        instant(s, i++, p.get("purchasedAt"));
        instant(s, i++, p.get("refundedAt"));
        instant(s, i++, p.get("refundableUntil"));
        s.setString(i++, receipt);
        String type = pay.get("type").getAsString();
        s.setString(i++, type);
        s.setString(i++, text(pay.get("brand")));
        s.setString(i++, text(pay.get("last4")));
        s.setString(i++, text(pay.get("email")));
        instant(s, i++, p.get("updatedAt"));
        s.setLong(i++, p.get("version").getAsLong());
        s.setString(i, title + "\n" + partner + "\n" + receipt);
    }

    private static String text(JsonElement e) {
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private static void instant(PreparedStatement s, int index, JsonElement e) throws SQLException {
        if (e == null || e.isJsonNull()) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setLong(index, Instant.parse(e.getAsString()).toEpochMilli());
        }
    }

    @TearDown(Level.Iteration)
    public void closeTable() throws SQLException {
        connection.close();
    }

    @TearDown(Level.Trial)
    public void clean() throws IOException {
        Jvm.deleteTree(work);
    }
}
