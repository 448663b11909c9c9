package com.coursedesk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The sandbox billing server as a child process ({@code com.coursedesk.Main sandbox}, control
 * interface on), so that its CPU, memory and garbage are not counted as the client's.
 * {@code scale@example.com} has {@code purchases} purchases.
 */
final class SandboxProcess implements AutoCloseable {

    static final String EMAIL = "scale@example.com";
    static final String PASSWORD = "learn-scale-2026";

    private final Process process;
    private final URI baseUri;
    private final double startSeconds;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SandboxProcess(Process process, URI baseUri, double startSeconds) {
        this.process = process;
        this.baseUri = baseUri;
        this.startSeconds = startSeconds;
    }

    /** Starts it on a free port with its data in {@code dataFile} (seeded if new). */
    static SandboxProcess start(int purchases, Path dataFile) throws IOException {
        List<String> command = List.of(Jvm.java(), "-cp", Jvm.classPath(), "com.coursedesk.Main", "sandbox",
                "--port", "0", "--data", dataFile.toString(), "--purchases", String.valueOf(purchases), "--dev");
        long t = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith("listening on ")) {
                URI uri;
                try {
                    uri = new URI(line.substring("listening on ".length()).trim());
                } catch (URISyntaxException e) {
                    process.destroyForcibly();
                    throw new IOException("The sandbox printed an unreadable address: " + line, e);
                }
                Jvm.drain(reader, "sandbox-output");
                return new SandboxProcess(process, uri, (System.nanoTime() - t) / 1e9);
            }
            seen.append(line).append('\n');
        }
        process.destroyForcibly();
        throw new IOException("The sandbox did not start:\n" + seen);
    }

    URI baseUri() {
        return baseUri;
    }

    double startSeconds() {
        return startSeconds;
    }

    /** One {@code GET /v1/health} round trip on a kept-alive connection; throws unless 200. */
    void health() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(baseUri.resolve("/v1/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("health answered " + r.statusCode());
        }
    }

    /** The learner buys a course on the web now: one new change for the next delta sync. */
    void addPurchase(String title) throws IOException, InterruptedException {
        String body = "{\"title\":\"" + title + "\",\"amountMinor\":3900,\"currency\":\"USD\"}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        baseUri.resolve("/_sandbox/accounts/" + EMAIL + "/purchases"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IOException("Adding a purchase answered " + r.statusCode() + ": " + r.body());
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
