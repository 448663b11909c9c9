package com.coursedesk.data.api;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonSyntaxException;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The client's one Gson configuration: the only place java.time is taught to Gson.
 *
 * <p>Gson's built-in adapters quietly coerce wrong types (a number read into a String field,
 * {@code "12"} read into a long). A response like that is a broken server, not data, so
 * strings, whole numbers and booleans are read strictly here and anything else fails the
 * whole response.
 */
final class ApiJson {

    private ApiJson() {
    }

    /**
     * The configuration, shared (a Gson is immutable and thread-safe) and made on first use:
     * about 130 classes, which an account opened offline never needs.
     */
    static Gson gson() {
        return Shared.GSON;
    }

    private static final class Shared {
        private static final Gson GSON = newGson();
    }

    private static Gson newGson() {
        return new GsonBuilder()
                .setStrictness(Strictness.STRICT)
                .disableHtmlEscaping()
                .registerTypeAdapter(Instant.class, new InstantAdapter())
                .registerTypeAdapter(String.class, new StrictStringAdapter())
                .registerTypeAdapter(Long.class, new StrictLongAdapter())
                .registerTypeAdapter(Boolean.class, new StrictBooleanAdapter())
                .create();
    }

    /** RFC 3339 timestamps with any offset, read into UTC instants; written in UTC. */
    static final class InstantAdapter extends TypeAdapter<Instant> {
        @Override
        public void write(JsonWriter out, Instant value) throws IOException {
            if (value == null) {
                out.nullValue();
            } else {
                out.value(DateTimeFormatter.ISO_INSTANT.format(value));
            }
        }

        @Override
        public Instant read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            expect(in, JsonToken.STRING, "an RFC 3339 timestamp");
            String text = in.nextString();
            try {
                return parseInstant(text);
            } catch (DateTimeParseException e) {
                throw new JsonSyntaxException("Not an RFC 3339 timestamp at " + in.getPreviousPath()
                        + ": '" + text + "'", e);
            }
        }
    }

    /**
     * An RFC 3339 timestamp with any offset, as a UTC instant.
     *
     * @throws DateTimeParseException if {@code text} is not one
     */
    static Instant parseInstant(String text) {
        Instant utc = wholeSecondsUtc(text);
        if (utc != null) {
            return utc;
        }
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    /**
     * {@code 2026-05-03T10:42:07Z}, the form servers write almost every timestamp in, read
     * without the general parser (which cost about a microsecond each: 0.4 s of a
     * 100,000-purchase sync); null for any other form, or an impossible date, which the
     * general parser then reads or rejects.
     */
    static Instant wholeSecondsUtc(String text) {
        if (text.length() != 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException impossible) {
            return null;
        }
    }

    /** The decimal number in {@code text[from, to)}, or -1 if any character is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static final class StrictStringAdapter extends TypeAdapter<String> {
        @Override
        public void write(JsonWriter out, String value) throws IOException {
            out.value(value);
        }

        @Override
        public String read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            expect(in, JsonToken.STRING, "a string");
            return in.nextString();
        }
    }

    private static final class StrictLongAdapter extends TypeAdapter<Long> {
        @Override
        public void write(JsonWriter out, Long value) throws IOException {
            out.value(value);
        }

        @Override
        public Long read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            expect(in, JsonToken.NUMBER, "a whole number");
            try {
                return in.nextLong();
            } catch (NumberFormatException e) {
                throw new JsonSyntaxException("Expected a whole number at " + in.getPath(), e);
            }
        }
    }

    private static final class StrictBooleanAdapter extends TypeAdapter<Boolean> {
        @Override
        public void write(JsonWriter out, Boolean value) throws IOException {
            out.value(value);
        }

        @Override
        public Boolean read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            expect(in, JsonToken.BOOLEAN, "true or false");
            return in.nextBoolean();
        }
    }

    private static void expect(JsonReader in, JsonToken expected, String what) throws IOException {
        JsonToken actual = in.peek();
        if (actual != expected) {
            throw new JsonSyntaxException("Expected " + what + " but found " + actual + " at " + in.getPath());
        }
    }
}
