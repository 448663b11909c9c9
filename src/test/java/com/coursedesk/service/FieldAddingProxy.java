package com.coursedesk.service;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP proxy in front of a billing server that adds fields the client has never
 * heard of to every JSON object of every successful answer, as a newer minor release of the
 * API may: {@code "addedInV1_9": {"flag": true, "list": [1, "two"]}} and
 * {@code "addedNote": "..."}.
 */
public final class FieldAddingProxy implements AutoCloseable {

    private static final List<String> FORWARDED = List.of("Authorization", "Content-Type", "Idempotency-Key",
            "Accept");

    private final URI target;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger rewritten = new AtomicInteger();

    public FieldAddingProxy(URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** How many answers had fields added. */
    public int rewritten() {
        return rewritten.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String pathAndQuery = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.toString() + pathAndQuery))
                    .timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String name : FORWARDED) {
                String value = exchange.getRequestHeaders().getFirst(name);
                if (value != null) {
                    request.header(name, value);
                }
            }
            HttpResponse<byte[]> answer;
            try {
                answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            byte[] out = answer.body();
            if (answer.statusCode() / 100 == 2 && out.length > 0) {
                try {
                    JsonElement json = JsonParser.parseString(new String(out, StandardCharsets.UTF_8));
                    addFields(json);
                    out = json.toString().getBytes(StandardCharsets.UTF_8);
                    rewritten.incrementAndGet();
                } catch (JsonParseException notJson) {
                    // Passed on as it came.
                }
            }
            answer.headers().firstValue("Content-Type").ifPresent(v -> exchange.getResponseHeaders().set("Content-Type", v));
            answer.headers().firstValue("Retry-After").ifPresent(v -> exchange.getResponseHeaders().set("Retry-After", v));
            exchange.sendResponseHeaders(answer.statusCode(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream o = exchange.getResponseBody()) {
                    o.write(out);
                }
            }
        } finally {
            exchange.close();
        }
    }

    private static void addFields(JsonElement element) {
        if (element.isJsonObject()) {
            JsonObject object = element.getAsJsonObject();
            for (String name : List.copyOf(object.keySet())) {
                addFields(object.get(name));
            }
            JsonObject extra = new JsonObject();
            extra.addProperty("flag", true);
            JsonArray list = new JsonArray();
            list.add(1);
            list.add("two");
            extra.add("list", list);
            object.add("addedInV1_9", extra);
            object.addProperty("addedNote", "a field from a later minor release");
        } else if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(FieldAddingProxy::addFields);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
