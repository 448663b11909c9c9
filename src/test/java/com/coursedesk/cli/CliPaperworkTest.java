package com.coursedesk.cli;

import com.coursedesk.sandbox.SandboxOptions;
import com.coursedesk.sandbox.SandboxServer;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paperwork commands against the sandbox: ada signs in and syncs once, then receipts,
 * the tax-year ZIP, the calendar and a proof are made from her local copy, and checked with
 * the libraries that read those formats.
 */
class CliPaperworkTest {

    @TempDir
    static Path dataDir;
    @TempDir
    static Path sandboxDir;
    @TempDir
    Path out;

    static SandboxServer sandbox;
    static CliRunner cli;

    @BeforeAll
    static void signInAndSync() throws IOException {
        sandbox = SandboxServer.start(SandboxOptions.forTests().withDataFile(sandboxDir.resolve("sandbox.db")));
        cli = new CliRunner(dataDir);
        CliSandboxTest.login(cli, sandbox.baseUri().toString(), CliSandboxTest.ADA, CliSandboxTest.ADA_PASSWORD);
        CliRunner.Result sync = cli.run("sync");
        assertThat(sync.code()).as(sync.toString()).isZero();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static JsonArray json(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--format");
        all.add("json");
        CliRunner.Result result = cli.run(all.toArray(String[]::new));
        assertThat(result.code()).as(result.toString()).isZero();
        return JsonParser.parseString(result.out()).getAsJsonArray();
    }

    private static JsonObject purchaseTitled(String title) {
        for (JsonElement e : json("purchases")) {
            if (e.getAsJsonObject().getAsJsonObject("product").get("title").getAsString().equals(title)) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError("no purchase " + title);
    }

    static String pdfText(Path file) throws IOException {
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            return new PDFTextStripper().getText(document).replaceAll("[\\s\\u00A0\\u202F]+", " ");
        }
    }

    @Test
    void receiptWritesTheJapaneseAndEmojiPurchasesReceipts() throws IOException {
        JsonObject jp = purchaseTitled("機械学習入門");
        Path file = out.resolve("jp.pdf");

        CliRunner.Result result = cli.run("receipt", jp.get("id").getAsString(), "--output", file.toString());

        assertThat(result.code()).as(result.toString()).isZero();
        String receiptNumber = jp.get("receiptNumber").getAsString();
        assertThat(result.out()).contains("Receipt " + receiptNumber + " (機械学習入門, JP¥4,900) written to " + file);
        assertThat(pdfText(file)).contains("機械学習入門", "東京大学", receiptNumber, "Ada Lovelace", "ada@example.com",
                "127.0.0.1");

        JsonObject joy = purchaseTitled("The Science of Well-Being 😊");
        CliRunner.Result emoji = cli.run("receipt", joy.get("id").getAsString(), "--output", out.toString());
        assertThat(emoji.code()).as(emoji.toString()).isZero();
        Path named = out.resolve(joy.get("receiptNumber").getAsString() + ".pdf");
        assertThat(pdfText(named)).contains("The Science of Well-Being", "US$49.00");
    }

    @Test
    void aReceiptForAnUnknownPurchaseIsAUsageErrorAndWritesNothing() throws IOException {
        CliRunner.Result result = cli.run("receipt", "pur_nope", "--output", out.resolve("x.pdf").toString());

        assertThat(result.code()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("There is no purchase pur_nope in the local copy");
        try (var files = Files.list(out)) {
            assertThat(files).isEmpty();
        }
        CliRunner.Result noId = cli.run("receipt");
        assertThat(noId.code()).isEqualTo(ExitCode.USAGE);
        assertThat(noId.err()).contains("Usage: coursedesk receipt PURCHASE_ID");
    }

    @Test
    void exportWritesTheYearsPurchasesAsTheListShowsThemWithTotalsPerCurrency() throws IOException {
        int year = ZonedDateTime.now(CliRunner.ZONE).getYear();
        Path zip = out.resolve("year.zip");

        CliRunner.Result result = cli.run("export", "--year", Integer.toString(year), "--output", zip.toString());

        assertThat(result.code()).as(result.toString()).isZero();
        JsonArray listed = json("purchases", "--year", Integer.toString(year));
        Map<String, byte[]> entries = unzip(zip);
        List<CSVRecord> rows = csv(entries.get("purchases.csv"));
        assertThat(rows).extracting(r -> r.get("purchase_id")).containsExactlyInAnyOrderElementsOf(
                listed.asList().stream().map(e -> e.getAsJsonObject().get("id").getAsString()).toList());
        assertThat(entries.keySet().stream().filter(n -> n.startsWith("receipts/"))).hasSize(listed.size());
        assertThat(result.out()).contains(listed.size() + " purchases of the tax year " + year)
                .contains("days in British Time)").doesNotContain("Europe/London")
                .contains("written to " + zip).contains("Paid: ");
        // Ada pays in several currencies: listed side by side, never "£… + $…" as if added up.
        assertThat(result.out().lines().filter(line -> line.startsWith("Paid: ")).findFirst().orElseThrow())
                .contains(" · ").doesNotContain(" + ");
        // Each currency once in the totals, each total the sum of that currency's paid rows.
        List<CSVRecord> totals = csv(entries.get("totals.csv"));
        assertThat(totals).extracting(r -> r.get("currency")).doesNotHaveDuplicates();
        for (CSVRecord total : totals) {
            java.math.BigDecimal sum = rows.stream().filter(r -> r.get("currency").equals(total.get("currency")))
                    .filter(r -> r.get("status").equals("paid")).map(r -> new java.math.BigDecimal(r.get("total")))
                    .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
            assertThat(new java.math.BigDecimal(total.get("total"))).as(total.get("currency")).isEqualByComparingTo(sum);
        }
    }

    @Test
    void exportWithAStartMonthCoversTwelveMonthsFromIt() throws IOException {
        int year = ZonedDateTime.now(CliRunner.ZONE).getYear() - 1;
        Path zip = out.resolve("fiscal.zip");

        CliRunner.Result result = cli.run("export", "--year", Integer.toString(year), "--start-month", "4",
                "--output", zip.toString());

        assertThat(result.code()).as(result.toString()).isZero();
        Instant from = ZonedDateTime.of(year, 4, 1, 0, 0, 0, 0, CliRunner.ZONE).toInstant();
        Instant before = from.atZone(CliRunner.ZONE).plusYears(1).toInstant();
        List<String> expected = new ArrayList<>();
        for (JsonElement e : json("purchases")) {
            Instant at = Instant.parse(e.getAsJsonObject().get("purchasedAt").getAsString());
            if (!at.isBefore(from) && at.isBefore(before)) {
                expected.add(e.getAsJsonObject().get("id").getAsString());
            }
        }
        assertThat(csv(unzip(zip).get("purchases.csv"))).extracting(r -> r.get("purchase_id"))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(result.out()).contains("tax year " + year + "-" + String.format("%02d", (year + 1) % 100));

        CliRunner.Result badMonth = cli.run("export", "--year", "2025", "--start-month", "13");
        assertThat(badMonth.code()).isEqualTo(ExitCode.USAGE);
        assertThat(badMonth.err()).contains("13 is not a month");
        CliRunner.Result noYear = cli.run("export");
        assertThat(noYear.code()).isEqualTo(ExitCode.USAGE);
        assertThat(noYear.err()).contains("--year 2025", "Usage: coursedesk export");
    }

    @Test
    void calendarWritesOneEventPerComingMoneyEventWithTheReminder() throws Exception {
        Path ics = out.resolve("upcoming.ics");

        CliRunner.Result result = cli.run("calendar", "--remind-days", "2", "--output", ics.toString());

        assertThat(result.code()).as(result.toString()).isZero();
        List<VEvent> events;
        try (InputStream in = Files.newInputStream(ics)) {
            events = new CalendarBuilder().build(in).getComponents(Component.VEVENT);
        }
        assertThat(events).isNotEmpty();
        assertThat(result.out()).contains(events.size() + " coming events written to " + ics,
                "each with a reminder 2 days before");
        // ada's trial converts into a £39.00 first payment: its event says how not to pay it.
        assertThat(events).anySatisfy(e -> assertThat(e.<Property>getProperty(Property.DESCRIPTION).orElseThrow()
                .getValue()).contains("Cancel before this date if you do not want to be charged £39.00"));
        assertThat(events).allSatisfy(e -> assertThat(e.getAlarms().get(0).<Property>getProperty(Property.TRIGGER)
                .orElseThrow().getValue()).isEqualTo("-P2D"));

        CliRunner.Result badDays = cli.run("calendar", "--remind-days", "-1");
        assertThat(badDays.code()).isEqualTo(ExitCode.USAGE);
        assertThat(badDays.err()).contains("-1 is not a number of days from 0 to 60");
    }

    @Test
    void proofOfACancellationHoldsItsKeyAndTheProvidersAnswer() throws IOException {
        String subscription = null;
        for (JsonElement e : json("subscriptions", "--status", "active")) {
            JsonObject s = e.getAsJsonObject();
            if (s.get("channel").getAsString().equals("web") && !s.get("cancelAtPeriodEnd").getAsBoolean()
                    && !s.getAsJsonObject("product").get("title").getAsString().equals("Coursera Plus")) {
                subscription = s.get("id").getAsString();
                break;
            }
        }
        assertThat(subscription).isNotNull();
        CliRunner.Result cancel = cli.run("cancel", subscription, "--reason", "too_expensive");
        assertThat(cancel.code()).as(cancel.toString()).isZero();
        String target = subscription;
        JsonObject action = json("history").asList().stream().map(JsonElement::getAsJsonObject)
                .filter(a -> a.get("targetId").getAsString().equals(target)).findFirst().orElseThrow();
        String id = action.get("actionId").getAsString();
        Path pdf = out.resolve("proof.pdf");

        CliRunner.Result proof = cli.run("proof", id, "--output", pdf.toString());

        assertThat(proof.code()).as(proof.toString()).isZero();
        assertThat(proof.out()).contains("Proof of action " + id + " (cancel " + subscription + ", confirmed) written to "
                + pdf);
        assertThat(pdfText(pdf)).contains(action.get("idempotencyKey").getAsString(), "CONFIRMED by the provider",
                "HTTP status 200", "too_expensive", "Set to end yes");
        assertThat(cli.run("proof", "424242").err()).contains("There is no action 424242 in the history");
    }

    @Test
    void theUsageListsThePaperworkCommandsInBothLanguages() {
        CliRunner.Result help = cli.runExactly("", "help");
        assertThat(help.out()).contains("receipt PURCHASE_ID", "export --year YEAR", "calendar [--output FILE.ics]",
                "proof ACTION_ID");
        assertThat(cli.runExactly("", "help", "export").out()).contains("Usage: coursedesk export", "--start-month");
        assertThat(cli.runExactly("", "calendar", "--help").out()).contains("--remind-days");
        assertThat(cli.runExactly("", "proof", "--help").out()).contains("Usage: coursedesk proof ACTION_ID");
    }

    @Test
    void aFileThatCannotBeWrittenIsAnErrorAndLeavesNothingBehind() throws IOException {
        Path blocker = out.resolve("not-a-folder");
        Files.writeString(blocker, "x");

        CliRunner.Result result = cli.run("calendar", "--output", blocker.resolve("upcoming.ics").toString());

        assertThat(result.code()).isEqualTo(ExitCode.ERROR);
        assertThat(result.err()).contains("could not be written", "Nothing was left half-written");
        try (var files = Files.list(out)) {
            assertThat(files).containsExactly(blocker);
        }
    }

    private static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static List<CSVRecord> csv(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1)))) {
            return parser.getRecords();
        }
    }
}
