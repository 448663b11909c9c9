package com.coursedesk.data.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP server that answers with queued canned responses and records every
 * request, to test the client's handling of answers the real sandbox never gives.
 */
final class StubHttpServer implements AutoCloseable {

    record Canned(int status, Map<String, String> headers, byte[] body) {
        static Canned json(int status, String json) {
            return new Canned(status, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
        }

        static Canned problem(int status, String code, String detail) {
            String json = "{\"type\":\"about:blank\",\"title\":\"t\",\"status\":" + status
                    + ",\"detail\":\"" + detail + "\",\"code\":\"" + code + "\"}";
            return new Canned(status, Map.of("Content-Type", "application/problem+json"),
                    json.getBytes(StandardCharsets.UTF_8));
        }

        static Canned problemRetryAfter(int status, String code, long seconds) {
            String json = "{\"title\":\"t\",\"status\":" + status + ",\"code\":\"" + code + "\"}";
            return new Canned(status, Map.of("Content-Type", "application/problem+json",
                    "Retry-After", Long.toString(seconds)), json.getBytes(StandardCharsets.UTF_8));
        }
    }

    record Recorded(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final Deque<Canned> answers = new ArrayDeque<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    StubHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized StubHttpServer enqueue(Canned... canned) {
        answers.addAll(List.of(canned));
        return this;
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body));
        Canned answer;
        synchronized (this) {
            answer = answers.poll();
        }
        if (answer == null) {
            answer = Canned.problem(500, "stub_exhausted", "no canned answer left");
        }
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
