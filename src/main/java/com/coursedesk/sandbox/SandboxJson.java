package com.coursedesk.sandbox;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.internal.Streams;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The sandbox's one Gson, and strict parsing of request bodies. */
final class SandboxJson {

    static final Gson GSON = new GsonBuilder()
            .serializeNulls()
            .disableHtmlEscaping()
            .registerTypeAdapter(Instant.class, new InstantAdapter().nullSafe())
            .create();

    private SandboxJson() {
    }

    /**
     * Parses a request body that must be one JSON object and nothing else; anything else is
     * {@code 400 invalid_request}, as the contract demands.
     */
    static JsonObject parseObject(String body) {
        if (body == null || body.isBlank()) {
            throw Problem.invalidRequest("The request body must be a JSON object.");
        }
        try (JsonReader reader = new JsonReader(new StringReader(body))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement element = Streams.parse(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw Problem.invalidRequest("The request body holds more than one JSON value.");
            }
            if (!element.isJsonObject()) {
                throw Problem.invalidRequest("The request body must be a JSON object.");
            }
            return element.getAsJsonObject();
        } catch (JsonParseException | IOException | IllegalStateException e) {
            throw Problem.invalidRequest("The request body is not valid JSON.");
        }
    }

    /** Refuses fields the contract does not name for this request. */
    static void onlyFields(JsonObject body, Set<String> allowed) {
        for (String name : body.keySet()) {
            if (!allowed.contains(name)) {
                throw Problem.invalidRequest("Unknown field '" + name + "'; allowed: " + new TreeSet<>(allowed) + ".");
            }
        }
    }

    /** A required string field, 1..maxLength characters. */
    static String requiredString(JsonObject body, String name, int maxLength) {
        if (!body.has(name) || body.get(name).isJsonNull()) {
            throw Problem.invalidRequest("The field '" + name + "' is required.");
        }
        return stringField(body, name, maxLength);
    }

    /** An optional string field; {@code null} when absent. */
    static String optionalString(JsonObject body, String name, int maxLength) {
        if (!body.has(name) || body.get(name).isJsonNull()) {
            return null;
        }
        return stringField(body, name, maxLength);
    }

    private static String stringField(JsonObject body, String name, int maxLength) {
        JsonElement value = body.get(name);
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw Problem.invalidRequest("The field '" + name + "' must be a string.");
        }
        String text = value.getAsString();
        int length = text.codePointCount(0, text.length());
        if (length < 1 || length > maxLength) {
            throw Problem.invalidRequest("The field '" + name + "' must be 1 to " + maxLength + " characters.");
        }
        return text;
    }

    /**
     * A canonical text of a JSON value (object keys sorted), so that two bodies that mean the
     * same thing give the same idempotency fingerprint.
     */
    static String canonical(JsonElement element) {
        if (element.isJsonObject()) {
            TreeMap<String, JsonElement> sorted = new TreeMap<>();
            for (Map.Entry<String, JsonElement> e : element.getAsJsonObject().entrySet()) {
                sorted.put(e.getKey(), e.getValue());
            }
            StringBuilder out = new StringBuilder("{");
            sorted.forEach((k, v) -> {
                if (out.length() > 1) {
                    out.append(',');
                }
                out.append(GSON.toJson(k)).append(':').append(canonical(v));
            });
            return out.append('}').toString();
        }
        if (element.isJsonArray()) {
            StringBuilder out = new StringBuilder("[");
            element.getAsJsonArray().forEach(v -> {
                if (out.length() > 1) {
                    out.append(',');
                }
                out.append(canonical(v));
            });
            return out.append(']').toString();
        }
        return GSON.toJson(element);
    }

    /** RFC 3339 in UTC, whole seconds. */
    private static final class InstantAdapter extends TypeAdapter<Instant> {
        @Override
        public void write(JsonWriter out, Instant value) throws IOException {
            out.value(value.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        }

        @Override
        public Instant read(JsonReader in) throws IOException {
            String text = in.nextString();
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new JsonParseException("Not an RFC 3339 timestamp: " + text, e);
            }
        }
    }
}
