package com.coursedesk.data.api;

import com.coursedesk.sandbox.SandboxOptions;
import com.coursedesk.sandbox.SandboxServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SyncPageReader} reads exactly what Gson and {@link DtoMapper} read: every page it reads
 * gives the same records, field by field, and every page it leaves alone is then read (or
 * refused, with the same message) the general way. Compared here on the sandbox's own pages,
 * on hand-made unusual ones, and on thousands of damaged ones.
 */
class SyncPageReaderTest {

    private final BillingApiClient client = BillingApiClient.builder(URI.create("http://127.0.0.1:9")).build();

    /** What reading {@code body} gives: the page, or the failure's type and message. */
    private static Object outcome(java.util.function.Function<byte[], SyncPage> reader, byte[] body) {
        try {
            return reader.apply(body);
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private void assertSameAsGeneral(byte[] body) {
        Object general = outcome(client::generalSyncPage, body);
        Object read = outcome(client::syncPage, body);
        assertThat(read).as(new String(body, StandardCharsets.UTF_8)).isEqualTo(general);
        SyncPage fast = SyncPageReader.read(body);
        if (fast != null) {
            assertThat(general).as("read here, refused by the general reader: %s",
                    new String(body, StandardCharsets.UTF_8)).isInstanceOf(SyncPage.class);
            assertThat(fast).isEqualTo(general);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheFixturePageFieldByFieldAsTheGeneralReaderDoes() {
        byte[] body = utf8(ApiFixtures.SYNC_PAGE);
        SyncPage fast = SyncPageReader.read(body);
        SyncPage general = client.generalSyncPage(body);
        assertThat(fast).isNotNull();
        assertThat(fast.purchases()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(fast.purchases().get(i)).usingRecursiveComparison().isEqualTo(general.purchases().get(i));
        }
        assertThat(fast.subscriptions()).usingRecursiveComparison().isEqualTo(general.subscriptions());
        assertThat(fast.deleted()).isEqualTo(general.deleted());
        assertThat(fast.cursor()).isEqualTo("c-42");
        assertThat(fast.hasMore()).isTrue();
        assertThat(fast.remaining()).isEqualTo(17);
        assertThat(fast).isEqualTo(general);
        // The offset timestamp (+02:00) goes through the general timestamp parser.
        assertThat(fast.purchases().get(1).purchasedAt()).isEqualTo(Instant.parse("2026-10-01T08:00:00Z"));
    }

    @Test
    void readsEverySandboxPageAsTheGeneralReaderDoes() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.forTests().withScalePurchases(1500))) {
            BillingApiClient api = BillingApiClient.builder(sandbox.baseUri()).build();
            HttpClient http = HttpClient.newHttpClient();
            // Every seeded account: all subscription states, channels, currencies, PayPal, Japanese titles.
            String[][] accounts = {{"ada@example.com", "learn-ada-2026"}, {"kenji@example.jp", "learn-kenji-2026"},
                {"bob@example.com", "learn-bob-2026"}, {"eve@example.com", "learn-eve-2026"},
                {"scale@example.com", "learn-scale-2026"}};
            int pages = 0;
            int records = 0;
            for (String[] account : accounts) {
                String token = api.login(account[0], account[1].toCharArray()).accessToken();
                if (account[0].startsWith("ada")) {
                    // A deletion travels the feed too.
                    String id = api.sync(token, null, 1000).purchases().get(0).id();
                    HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(
                                    sandbox.baseUri().resolve("/_sandbox/records/" + id + "/delete"))
                            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(deleted.statusCode()).isEqualTo(204);
                }
                String cursor = null;
                boolean more = true;
                while (more) {
                    String query = "/v1/sync?limit=" + (account[0].startsWith("scale") ? 1000 : 3)
                            + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
                    byte[] body = http.send(HttpRequest.newBuilder(sandbox.baseUri().resolve(query))
                            .header("Authorization", "Bearer " + token).build(),
                            HttpResponse.BodyHandlers.ofByteArray()).body();
                    SyncPage fast = SyncPageReader.read(body);
                    SyncPage general = api.generalSyncPage(body);
                    assertThat(fast).as("read here").isNotNull();
                    assertThat(fast.purchases()).hasSameSizeAs(general.purchases());
                    for (int i = 0; i < fast.purchases().size(); i++) {
                        assertThat(fast.purchases().get(i)).usingRecursiveComparison()
                                .isEqualTo(general.purchases().get(i));
                    }
                    assertThat(fast.subscriptions()).usingRecursiveComparison().isEqualTo(general.subscriptions());
                    assertThat(fast).isEqualTo(general);
                    pages++;
                    records += fast.purchases().size() + fast.subscriptions().size() + fast.deleted().size();
                    cursor = fast.cursor();
                    more = fast.hasMore();
                }
            }
            assertThat(pages).isGreaterThan(10);
            assertThat(records).isGreaterThan(1500);
        }
    }

    static Stream<Arguments> unusualPages() {
        String page = ApiFixtures.SYNC_PAGE;
        String title = "\"title\": \"機械学習 — Ünïcödé\"";
        return Stream.of(
                // Read here or not, these are pages the general reader accepts.
                Arguments.of("escapes in a title", page.replace(title,
                        "\"title\": \"A \\\"quoted\\\" \\\\ title\\/\\b\\f\\n\\r\\t \\u00e9\\u6A5F \\uD83D\\uDE00\"")),
                Arguments.of("a lone surrogate escaped", page.replace(title, "\"title\": \"\\uD800x\"")),
                Arguments.of("U+FFFD in a title", page.replace(title, "\"title\": \"\uFFFD\"")),
                Arguments.of("a four-byte character", page.replace(title, "\"title\": \"\uD83D\uDE00 emoji\"")),
                Arguments.of("an escaped field name", page.replace("\"cursor\"", "\"cur\\u0073or\"")),
                Arguments.of("an escaped enum value", page.replace("\"status\": \"paid\"", "\"status\": \"p\\u0061id\"")),
                Arguments.of("an escaped payment type", page.replace("\"type\": \"card\"", "\"type\": \"c\\u0061rd\"")),
                Arguments.of("a non-ASCII unknown field", page.replace("\"serverHint\"", "\"sérverHint\"")),
                Arguments.of("fields in another order", page.replace("\"cursor\": \"c-42\", \"hasMore\": true,",
                        "\"hasMore\": true, \"cursor\": \"c-42\",")),
                Arguments.of("a field given twice", page.replace("\"cursor\": \"c-42\"", "\"cursor\": \"a\", \"cursor\": \"b\"")),
                Arguments.of("version twice", page.replace("\"version\": 3", "\"version\": 3, \"version\": 4")),
                Arguments.of("a whole number with a fraction of zero", page.replace("\"version\": 3", "\"version\": 3.0")),
                Arguments.of("an exponent", page.replace("\"version\": 3", "\"version\": 3e0")),
                Arguments.of("minus zero", page.replace("\"amountMinor\": 0,", "\"amountMinor\": -0,")),
                Arguments.of("a negative amount", page.replace("\"amountMinor\": 817", "\"amountMinor\": -817")),
                Arguments.of("a long number", page.replace("\"version\": 3", "\"version\": 9223372036854775807")),
                Arguments.of("too long a number", page.replace("\"version\": 3", "\"version\": 9223372036854775808")),
                Arguments.of("a leading zero", page.replace("\"version\": 3", "\"version\": 03")),
                Arguments.of("deeply nested unknown field", page.replace("\"serverHint\": \"ignored\"",
                        "\"serverHint\": " + "[{\"a\":".repeat(100) + "1" + "}]".repeat(100))),
                Arguments.of("unknown values of every kind", page.replace("\"serverHint\": \"ignored\"",
                        "\"x\": [1, -2.5e+3, 0.1E-2, true, false, null, {}, [], \"s\\u0041\", {\"k\": [{}]}]")),
                Arguments.of("unknown number with a bad exponent", page.replace("\"serverHint\": \"ignored\"",
                        "\"x\": 1e")),
                Arguments.of("a bad escape", page.replace(title, "\"title\": \"bad \\x escape\"")),
                Arguments.of("a short unicode escape", page.replace(title, "\"title\": \"\\u12\"")),
                Arguments.of("a raw tab in a string", page.replace(title, "\"title\": \"a\tb\"")),
                Arguments.of("a raw newline in a string", page.replace(title, "\"title\": \"a\nb\"")),
                Arguments.of("white space of every kind", page.replace(", ", " ,\r\n\t").replace(": ", "\t:\n")),
                Arguments.of("no white space", page.replace(", ", ",").replace(": ", ":").replace("\n", "")),
                Arguments.of("form feed as white space", page.replace(", \"hasMore\"", ",\f\"hasMore\"")),
                Arguments.of("a byte order mark", "\uFEFF" + page),
                Arguments.of("trailing white space", page + " \n"),
                Arguments.of("a trailing comma", page.replace("\"serverHint\": \"ignored\"}", "\"serverHint\": \"ignored\",}")),
                Arguments.of("a trailing comma in a list", page.replace("\"id\": \"sub_9\"}]", "\"id\": \"sub_9\"},]")),
                Arguments.of("comments", page.replace("\"serverHint\"", "/* hint */ \"serverHint\"")),
                Arguments.of("single quotes", page.replace("\"c-42\"", "'c-42'")),
                Arguments.of("true in capitals", page.replace("\"hasMore\": true", "\"hasMore\": TRUE")),
                Arguments.of("a literal run on", page.replace("\"hasMore\": true", "\"hasMore\": truex")),
                Arguments.of("null subscriptions", page.replace("\"subscriptions\": [", "\"subscriptions\": null, \"x\": [")),
                Arguments.of("a null optional money", page.replace("\"nextPaymentAmount\": {\"amountMinor\": 4900, "
                        + "\"currency\": \"GBP\"}", "\"nextPaymentAmount\": null")),
                Arguments.of("a null product", page.replace("\"product\": {\"id\": \"prd_2\"",
                        "\"product\": null, \"x\": {\"id\": \"prd_2\"")),
                Arguments.of("a PayPal payment with card fields", page.replace("\"email\": \"a***@example.com\"",
                        "\"email\": \"a***@example.com\", \"brand\": \"visa\", \"last4\": null")),
                Arguments.of("a card field of the wrong type", page.replace("\"email\": \"a***@example.com\"",
                        "\"email\": \"a***@example.com\", \"brand\": 5")),
                Arguments.of("an unknown channel", page.replace("\"channel\": \"web\"", "\"channel\": \"kiosk\"")),
                Arguments.of("an unknown interval", page.replace("\"interval\": \"month\"", "\"interval\": \"fortnight\"")),
                Arguments.of("timestamp with fraction", page.replace("\"updatedAt\": \"2026-11-01T10:00:01Z\"",
                        "\"updatedAt\": \"2026-11-01T10:00:01.250Z\"")),
                Arguments.of("timestamp on the 31st of April", page.replace("\"updatedAt\": \"2026-11-01T10:00:01Z\"",
                        "\"updatedAt\": \"2026-04-31T10:00:01Z\"")),
                Arguments.of("timestamp at 24:00", page.replace("\"updatedAt\": \"2026-11-01T10:00:01Z\"",
                        "\"updatedAt\": \"2026-11-01T24:00:00Z\"")),
                Arguments.of("timestamp as a number", page.replace("\"updatedAt\": \"2026-11-01T10:00:01Z\"",
                        "\"updatedAt\": 1700000000")),
                Arguments.of("an empty list", page.replace("\"deleted\": [{\"type\": \"purchase\", \"id\": \"pur_9\"}, "
                        + "{\"type\": \"subscription\", \"id\": \"sub_9\"}]", "\"deleted\": []")),
                Arguments.of("an empty object", "{}"),
                Arguments.of("remaining zero", page.replace("\"remaining\": 17", "\"remaining\": 0")),
                Arguments.of("a currency the JDK does not know", page.replace("\"currency\": \"JPY\"", "\"currency\": \"QQQ\"")),
                Arguments.of("a currency of four letters", page.replace("\"currency\": \"JPY\"", "\"currency\": \"JPYY\"")),
                Arguments.of("a currency with an escape", page.replace("\"currency\": \"JPY\"", "\"currency\": \"JP\\u0059\"")),
                Arguments.of("two documents", page + page),
                Arguments.of("a string document", "\"page\""),
                Arguments.of("white space only", "  "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusualPages")
    void unusualPagesAreReadOrRefusedAsTheGeneralReaderDoes(String why, String body) {
        assertSameAsGeneral(utf8(body));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.coursedesk.data.api.BillingApiClientTest#malformedSyncPages")
    void malformedPagesAreLeftToTheGeneralReader(String why, String body) {
        assertThat(SyncPageReader.read(utf8(body))).isNull();
        assertSameAsGeneral(utf8(body));
    }

    @Test
    void bytesThatAreNotUtf8AreLeftToTheGeneralReader() {
        byte[][] bad = {
            {(byte) 0xC3, (byte) 0x28},                      // a lead byte without its continuation
            {(byte) 0xC0, (byte) 0x80},                      // overlong NUL
            {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},         // overlong
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},         // an encoded surrogate
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
            {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {(byte) 0x80},                                   // a lone continuation
            {(byte) 0xFF},
            {(byte) 0xE6, (byte) 0xA9},                      // cut short
        };
        String page = ApiFixtures.SYNC_PAGE;
        for (String where : new String[] {"Stanford University", "ignored", "c-42"}) {
            for (byte[] b : bad) {
                int at = page.indexOf(where);
                byte[] before = utf8(page.substring(0, at));
                byte[] after = utf8(page.substring(at));
                byte[] body = new byte[before.length + b.length + after.length];
                System.arraycopy(before, 0, body, 0, before.length);
                System.arraycopy(b, 0, body, before.length, b.length);
                System.arraycopy(after, 0, body, before.length + b.length, after.length);
                assertThat(SyncPageReader.read(body)).as(Arrays.toString(b)).isNull();
                assertSameAsGeneral(body);
            }
        }
    }

    @Test
    void damagedPagesAreReadOrRefusedAsTheGeneralReaderDoes() {
        byte[] page = utf8(ApiFixtures.SYNC_PAGE.replace("\n", ""));
        byte[] alphabet = utf8("{}[],:\" -.0123456789eEtrufalsn\\u/xZT");
        Random random = new Random(7);
        int readHere = 0;
        for (int n = 0; n < 6000; n++) {
            byte[] body = page.clone();
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(body.length);
                switch (random.nextInt(4)) {
                    case 0 -> body = remove(body, at);
                    case 1 -> body = insert(body, at, alphabet[random.nextInt(alphabet.length)]);
                    case 2 -> body[at] = alphabet[random.nextInt(alphabet.length)];
                    default -> body = insert(body, at, body[random.nextInt(body.length)]);
                }
            }
            assertSameAsGeneral(body);
            if (SyncPageReader.read(body) != null) {
                readHere++;
            }
        }
        // Many damaged pages are still pages (a changed digit, an added space): some are read here.
        assertThat(readHere).isGreaterThan(100);
    }

    private static byte[] remove(byte[] b, int at) {
        byte[] out = new byte[b.length - 1];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(b, at + 1, out, at, b.length - at - 1);
        return out;
    }

    private static byte[] insert(byte[] b, int at, byte value) {
        byte[] out = new byte[b.length + 1];
        System.arraycopy(b, 0, out, 0, at);
        out[at] = value;
        System.arraycopy(b, at, out, at + 1, b.length - at);
        return out;
    }

    @Test
    void timestampsAreReadAsTheGeneralParserReadsThem() {
        Random random = new Random(11);
        List<String> texts = new ArrayList<>(List.of("0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
                "1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "2000-02-29T12:00:00Z", "1900-02-29T12:00:00Z",
                "2100-02-29T00:00:00Z", "2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "2026-04-31T00:00:00Z",
                "2026-13-01T00:00:00Z", "2026-00-01T00:00:00Z", "2026-01-00T00:00:00Z", "2026-01-01T23:59:60Z",
                "2026-01-01T00:60:00Z", "2026-01-01T24:00:00Z"));
        for (int i = 0; i < 3000; i++) {
            texts.add(String.format("%04d-%02d-%02dT%02d:%02d:%02dZ", random.nextInt(10000), random.nextInt(14),
                    random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62)));
        }
        for (String text : texts) {
            String body = ApiFixtures.SYNC_PAGE.replace("\"updatedAt\": \"2026-11-01T10:00:01Z\"",
                    "\"updatedAt\": \"" + text + "\"");
            SyncPage fast = SyncPageReader.read(utf8(body));
            Instant expected = ApiJson.wholeSecondsUtc(text);
            if (expected == null) {
                assertThat(fast).as(text).isNull();
            } else {
                assertThat(fast).as(text).isNotNull();
                assertThat(fast.purchases().get(0).updatedAt()).as(text).isEqualTo(expected);
            }
        }
    }

    @Test
    void epochDaysAreTheCalendarsOwn() {
        for (LocalDate d = LocalDate.of(0, 1, 1); d.getYear() < 10000; d = d.plusDays(17)) {
            assertThat(SyncPageReader.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()))
                    .as(d.toString()).isEqualTo(d.toEpochDay());
        }
    }
}
