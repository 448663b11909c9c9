package com.coursedesk.contract;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A small HTTP client for tests against a billing server (the sandbox or any other). Every answer
 * from a contract path is checked with {@link OpenApiContract}; one that breaks the contract
 * fails the test with an {@link AssertionError} listing the violations. Paths under
 * {@code /_sandbox/} (the sandbox's control interface) are not part of the contract and are not
 * checked; {@link #sendUnvalidated} is for deliberately odd requests whose answers a test wants
 * to inspect itself.
 *
 * <p>The JDK refuses to set some headers itself ({@code Host}, {@code Content-Length},
 * {@code Connection}, {@code Expect}, {@code Upgrade}); a test cannot send those.
 */
public final class ContractHttpClient {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static final String SANDBOX_PREFIX = "/_sandbox/";
    private static final int MAX_BODY_IN_MESSAGE = 2_000;

    private final URI baseUri;
    private final OpenApiContract contract;
    private final HttpClient http;

    /** A client for {@code baseUri}, checking answers with {@link OpenApiContract#load()}. */
    public ContractHttpClient(URI baseUri) {
        this(baseUri, OpenApiContract.load(), null);
    }

    public ContractHttpClient(URI baseUri, OpenApiContract contract) {
        this(baseUri, contract, null);
    }

    /**
     * @param sslContextOrNull the trust for an {@code https} sandbox with its own certificate;
     *                         null for the JDK's default (hostname checks stay on either way)
     */
    public ContractHttpClient(URI baseUri, OpenApiContract contract, SSLContext sslContextOrNull) {
        this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
        this.contract = Objects.requireNonNull(contract, "contract");
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                // HTTP/1.1 only: the upgrade attempt of HTTP/2 over plain http adds headers the
                // server never asked for.
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (sslContextOrNull != null) {
            builder.sslContext(sslContextOrNull);
        }
        this.http = builder.build();
    }

    public URI baseUri() {
        return baseUri;
    }

    public OpenApiContract contract() {
        return contract;
    }

    /** GET with an optional bearer token; the answer is checked against the contract. */
    public Response get(String pathAndQuery, String bearerTokenOrNull) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json, application/problem+json");
        if (bearerTokenOrNull != null) {
            headers.put("Authorization", "Bearer " + bearerTokenOrNull);
        }
        return send("GET", pathAndQuery, headers, null);
    }

    /**
     * POST with an optional bearer token, idempotency key and JSON body ({@code Content-Type:
     * application/json} is set when a body is given); the answer is checked against the contract.
     */
    public Response post(String path, String bearerTokenOrNull, String idempotencyKeyOrNull, String jsonBodyOrNull) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json, application/problem+json");
        if (bearerTokenOrNull != null) {
            headers.put("Authorization", "Bearer " + bearerTokenOrNull);
        }
        if (idempotencyKeyOrNull != null) {
            headers.put("Idempotency-Key", idempotencyKeyOrNull);
        }
        if (jsonBodyOrNull != null) {
            headers.put("Content-Type", "application/json");
        }
        return send("POST", path, headers, jsonBodyOrNull);
    }

    /**
     * Sends exactly these headers and body (UTF-8); the answer is checked against the contract
     * unless the path is under {@code /_sandbox/}.
     *
     * @throws AssertionError when the answer breaks the contract
     */
    public Response send(String method, String pathAndQuery, Map<String, String> headers, String bodyOrNull) {
        Response response = sendUnvalidated(method, pathAndQuery, headers, bodyOrNull);
        if (OpenApiContract.pathOf(pathAndQuery).startsWith(SANDBOX_PREFIX)) {
            return response;
        }
        List<String> violations = new ArrayList<>(contract.validateResponse(method, pathAndQuery, response.status(),
                null, response.headers(), response.body()));
        if (!response.validUtf8()) {
            violations.add(method + " " + pathAndQuery + " -> " + response.status() + ": body is not valid UTF-8");
        }
        if (!violations.isEmpty()) {
            throw new AssertionError("The answer to " + method + " " + pathAndQuery + " breaks the contract:\n  - "
                    + String.join("\n  - ", violations) + "\nstatus " + response.status() + ", headers "
                    + response.headers() + "\nbody: " + abbreviate(response.body()));
        }
        return response;
    }

    /** Sends exactly these headers and body (UTF-8) and returns the answer unchecked. */
    public Response sendUnvalidated(String method, String pathAndQuery, Map<String, String> headers,
                                    String bodyOrNull) {
        return sendUnvalidated(method, pathAndQuery, headers,
                bodyOrNull == null ? null : bodyOrNull.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends exactly these headers and raw body bytes (e.g. invalid UTF-8) and returns the answer unchecked. */
    public Response sendUnvalidated(String method, String pathAndQuery, Map<String, String> headers,
                                    byte[] bodyOrNull) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(pathAndQuery))
                .timeout(REQUEST_TIMEOUT)
                .method(method, bodyOrNull == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bodyOrNull));
        if (headers != null) {
            headers.forEach(request::header);
        }
        try {
            HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return Response.of(answer.statusCode(), answer.headers().map(), answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + resolve(pathAndQuery) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + pathAndQuery, e);
        }
    }

    private URI resolve(String pathAndQuery) {
        String base = baseUri.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + (pathAndQuery.startsWith("/") ? "" : "/") + pathAndQuery);
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_BODY_IN_MESSAGE ? text : text.substring(0, MAX_BODY_IN_MESSAGE) + "…";
    }

    /**
     * One answer: its status, its headers (looked up in any case), and its body decoded as UTF-8
     * ("" when empty).
     */
    public record Response(int status, Map<String, List<String>> headers, String body, boolean validUtf8) {

        public Response {
            Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
            headers = Collections.unmodifiableMap(copy);
            body = body == null ? "" : body;
        }

        /** An answer whose body was valid UTF-8. */
        public Response(int status, Map<String, List<String>> headers, String body) {
            this(status, headers, body, true);
        }

        static Response of(int status, Map<String, List<String>> headers, byte[] bytes) {
            try {
                String body = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes == null ? new byte[0] : bytes))
                        .toString();
                return new Response(status, headers, body, true);
            } catch (CharacterCodingException e) {
                return new Response(status, headers, new String(bytes, StandardCharsets.UTF_8), false);
            }
        }

        /** The first value of a header, in any case; null when absent. */
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** Every value of a header, in any case; empty when absent. */
        public List<String> headerValues(String name) {
            return headers.getOrDefault(name, List.of());
        }

        /** The body as a JSON object. */
        public JsonObject json() {
            if (body.isEmpty()) {
                throw new IllegalStateException("the answer (" + status + ") has no body");
            }
            JsonElement element = JsonParser.parseString(body);
            if (!element.isJsonObject()) {
                throw new IllegalStateException("the answer (" + status + ") is not a JSON object: " + body);
            }
            return element.getAsJsonObject();
        }

        /** The problem {@code code} of an error answer, or null when the body has none. */
        public String problemCode() {
            if (body.isEmpty()) {
                return null;
            }
            JsonElement element;
            try {
                element = JsonParser.parseString(body);
            } catch (JsonParseException e) {
                return null;
            }
            if (!element.isJsonObject() || !element.getAsJsonObject().has("code")
                    || !element.getAsJsonObject().get("code").isJsonPrimitive()) {
                return null;
            }
            return element.getAsJsonObject().get("code").getAsString();
        }
    }
}
