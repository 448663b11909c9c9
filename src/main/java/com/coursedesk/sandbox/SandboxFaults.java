package com.coursedesk.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.Random;
import java.util.Set;

/**
 * Fault injection for tests, set through {@code POST /_sandbox/faults} (see README). A new
 * setting replaces the old one; {@code DELETE /_sandbox/faults} clears it. Faults apply only to
 * requests whose path starts with {@code pathPrefix} (default {@code /v1/}).
 *
 * <ul>
 *   <li>{@code failureRate} (0..1) with {@code failureStatus} (500, 503 or 429) and
 *       {@code retryAfterSeconds}: answer that share of requests with that error;</li>
 *   <li>{@code failNext}: answer the next N requests with {@code failureStatus};</li>
 *   <li>{@code dropConnectionNext}: for the next N requests, send the headers and half of the
 *       body, then close the connection;</li>
 *   <li>{@code malformedJsonNext}: the next N successful JSON answers are cut short (invalid
 *       JSON, status 200);</li>
 *   <li>{@code delayMillis}: answer every request this much later;</li>
 *   <li>{@code dropResponseAfterActionNext}: the next N actions are performed and committed,
 *       then the connection is closed before any answer is sent.</li>
 * </ul>
 */
final class SandboxFaults {

    private static final Set<String> FIELDS = Set.of("pathPrefix", "failureRate", "failureStatus",
            "retryAfterSeconds", "failNext", "dropConnectionNext", "malformedJsonNext", "delayMillis",
            "dropResponseAfterActionNext");

    private final Random random;
    private String pathPrefix = "/v1/";
    private double failureRate;
    private int failureStatus = 503;
    private int retryAfterSeconds = 1;
    private int failNext;
    private int dropConnectionNext;
    private int malformedJsonNext;
    private long delayMillis;
    private int dropResponseAfterActionNext;

    SandboxFaults(long seed) {
        this.random = new Random(seed);
    }

    synchronized void configure(JsonObject body) {
        SandboxJson.onlyFields(body, FIELDS);
        clear();
        pathPrefix = body.has("pathPrefix") ? body.get("pathPrefix").getAsString() : "/v1/";
        failureRate = number(body, "failureRate", 0, 1);
        failureStatus = (int) number(body, "failureStatus", 429, 503, 503);
        if (failureStatus != 500 && failureStatus != 503 && failureStatus != 429) {
            throw Problem.invalidRequest("failureStatus must be 500, 503 or 429.");
        }
        retryAfterSeconds = (int) number(body, "retryAfterSeconds", 0, 3600, 1);
        failNext = (int) number(body, "failNext", 0, 1_000_000);
        dropConnectionNext = (int) number(body, "dropConnectionNext", 0, 1_000_000);
        malformedJsonNext = (int) number(body, "malformedJsonNext", 0, 1_000_000);
        delayMillis = (long) number(body, "delayMillis", 0, 120_000);
        dropResponseAfterActionNext = (int) number(body, "dropResponseAfterActionNext", 0, 1_000_000);
    }

    synchronized void clear() {
        pathPrefix = "/v1/";
        failureRate = 0;
        failureStatus = 503;
        retryAfterSeconds = 1;
        failNext = 0;
        dropConnectionNext = 0;
        malformedJsonNext = 0;
        delayMillis = 0;
        dropResponseAfterActionNext = 0;
    }

    synchronized JsonObject describe() {
        JsonObject out = new JsonObject();
        out.addProperty("pathPrefix", pathPrefix);
        out.addProperty("failureRate", failureRate);
        out.addProperty("failureStatus", failureStatus);
        out.addProperty("retryAfterSeconds", retryAfterSeconds);
        out.addProperty("failNext", failNext);
        out.addProperty("dropConnectionNext", dropConnectionNext);
        out.addProperty("malformedJsonNext", malformedJsonNext);
        out.addProperty("delayMillis", delayMillis);
        out.addProperty("dropResponseAfterActionNext", dropResponseAfterActionNext);
        return out;
    }

    private static double number(JsonObject body, String name, double min, double max) {
        return number(body, name, min, max, 0);
    }

    private static double number(JsonObject body, String name, double min, double max, double fallback) {
        JsonElement value = body.get(name);
        if (value == null || value.isJsonNull()) {
            return fallback;
        }
        double d;
        try {
            d = value.getAsDouble();
        } catch (RuntimeException e) {
            throw Problem.invalidRequest(name + " must be a number.");
        }
        if (d < min || d > max) {
            throw Problem.invalidRequest(name + " must be between " + min + " and " + max + ".");
        }
        return d;
    }

    synchronized boolean applies(String path) {
        return path.startsWith(pathPrefix);
    }

    synchronized long delayMillis(String path) {
        return applies(path) ? delayMillis : 0;
    }

    /** An injected error for this request, or {@code null}. */
    synchronized Problem injectedFailure(String path) {
        if (!applies(path)) {
            return null;
        }
        boolean fail = false;
        if (failNext > 0) {
            failNext--;
            fail = true;
        } else if (failureRate > 0 && random.nextDouble() < failureRate) {
            fail = true;
        }
        if (!fail) {
            return null;
        }
        return switch (failureStatus) {
            case 429 -> new Problem(429, "rate_limited", "Too many requests",
                    "Slow down; try again in " + retryAfterSeconds + " seconds.", retryAfterSeconds);
            case 503 -> new Problem(503, "unavailable", "Unavailable",
                    "The service is briefly unavailable; try again in " + retryAfterSeconds + " seconds.",
                    retryAfterSeconds);
            default -> new Problem(500, "internal_error", "Server error", "The server failed (injected fault).");
        };
    }

    synchronized boolean takeDropConnection(String path) {
        if (applies(path) && dropConnectionNext > 0) {
            dropConnectionNext--;
            return true;
        }
        return false;
    }

    synchronized boolean takeMalformedJson(String path) {
        if (applies(path) && malformedJsonNext > 0) {
            malformedJsonNext--;
            return true;
        }
        return false;
    }

    synchronized boolean takeDropAfterAction(String path) {
        if (applies(path) && dropResponseAfterActionNext > 0) {
            dropResponseAfterActionNext--;
            return true;
        }
        return false;
    }
}
