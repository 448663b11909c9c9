package com.coursedesk.bench;

import com.coursedesk.sandbox.SandboxOptions;
import com.coursedesk.sandbox.SandboxServer;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The sandbox's full-sync rate for one large account, over real HTTP on loopback: pages per
 * second and records per second, median of several full passes, beside the floor of one
 * {@code /v1/health} round trip. Not a test: run it with
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.coursedesk.bench.SandboxSyncBenchmark [-Dexec.args="100000 5 target/bench"]}.
 * The client reads each page's bytes and takes the cursor with Gson, so the figure is the
 * server's, not a client's mapping.
 */
public final class SandboxSyncBenchmark {

    private SandboxSyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int purchases = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path outDir = Path.of(args.length > 2 ? args[2] : "target/bench");
        Files.createDirectories(outDir);
        Path data = Files.createTempFile("sandbox-bench-", ".db");
        Files.delete(data);
        PrintStream out = System.out;

        long seedStart = System.nanoTime();
        try (SandboxServer server = SandboxServer.start(SandboxOptions.forTests().withDataFile(data)
                .withScalePurchases(purchases).withControl(false))) {
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            URI base = server.baseUri();
            String token = login(http, base);

            List<String> rows = new ArrayList<>();
            rows.add("figure,limit,median_seconds,pages,records,pages_per_second,records_per_second");
            out.printf(Locale.ROOT, "Sandbox seeded with %,d purchases in %.2f s%n", purchases, seedSeconds);
            out.printf(Locale.ROOT, "%-28s %6s %10s %7s %9s %10s %12s%n", "figure", "limit", "median s", "pages",
                    "records", "pages/s", "records/s");

            List<Double> health = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                long t = System.nanoTime();
                send(http, HttpRequest.newBuilder(base.resolve("/v1/health")).build());
                health.add((System.nanoTime() - t) / 1e9);
            }
            double healthMedian = median(health);
            out.printf(Locale.ROOT, "%-28s %6s %10.5f %7s %9s %10.0f %12s%n", "floor: /v1/health round trip", "-",
                    healthMedian, "1", "-", 1 / healthMedian, "-");
            rows.add(String.format(Locale.ROOT, "health_round_trip,,%.6f,1,0,%.1f,", healthMedian, 1 / healthMedian));

            for (int limit : new int[] {500, 1000}) {
                List<Double> times = new ArrayList<>();
                long pages = 0;
                long records = 0;
                sync(http, base, token, limit); // warm-up pass
                for (int r = 0; r < runs; r++) {
                    long t = System.nanoTime();
                    long[] counted = sync(http, base, token, limit);
                    times.add((System.nanoTime() - t) / 1e9);
                    pages = counted[0];
                    records = counted[1];
                }
                double m = median(times);
                out.printf(Locale.ROOT, "%-28s %6d %10.3f %7d %9d %10.1f %12.0f%n", "full sync", limit, m, pages,
                        records, pages / m, records / m);
                rows.add(String.format(Locale.ROOT, "full_sync,%d,%.4f,%d,%d,%.1f,%.0f", limit, m, pages, records,
                        pages / m, records / m));
            }
            Path csv = outDir.resolve("sandbox-sync.csv");
            Files.write(csv, rows);
            out.println("Written " + csv.toAbsolutePath());
        } finally {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(data + suffix));
            }
        }
    }

    private static String login(HttpClient http, URI base) throws IOException, InterruptedException {
        String body = "{\"email\":\"scale@example.com\",\"password\":\"learn-scale-2026\"}";
        HttpResponse<String> response = send(http, HttpRequest.newBuilder(base.resolve("/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        return JsonParser.parseString(response.body()).getAsJsonObject().get("accessToken").getAsString();
    }

    /** One full pass; returns {pages, records}. */
    private static long[] sync(HttpClient http, URI base, String token, int limit)
            throws IOException, InterruptedException {
        String cursor = null;
        long pages = 0;
        long records = 0;
        boolean more = true;
        while (more) {
            String query = "?limit=" + limit + (cursor == null ? "" : "&cursor="
                    + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<String> response = send(http, HttpRequest.newBuilder(base.resolve("/v1/sync" + query))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).build());
            JsonObject page = JsonParser.parseString(response.body()).getAsJsonObject();
            cursor = page.get("cursor").getAsString();
            more = page.get("hasMore").getAsBoolean();
            records += page.getAsJsonArray("purchases").size() + page.getAsJsonArray("subscriptions").size();
            pages++;
        }
        return new long[] {pages, records};
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
