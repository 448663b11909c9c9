package com.coursedesk.service.paperwork;

import com.coursedesk.data.db.ActionRecord;
import com.coursedesk.data.db.ActionState;
import com.coursedesk.data.db.RecordType;
import com.coursedesk.domain.Money;
import com.coursedesk.domain.PurchaseStatus;
import com.coursedesk.domain.SubscriptionStatus;
import com.coursedesk.domain.UnknownWireValueException;
import com.coursedesk.domain.ZoneNames;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static com.coursedesk.service.paperwork.PdfFonts.Weight.BOLD;
import static com.coursedesk.service.paperwork.PdfFonts.Weight.REGULAR;

/**
 * One page of proof for one entry of the action history: what the learner asked (the action
 * and the course or subscription), when (in their zone and in UTC), the idempotency key sent
 * with every attempt, what the provider answered and when by its own clock, and the state the
 * provider then reported. Something to show a bank or the provider if a charge is disputed.
 */
public final class ProofPdf {

    /** Longer requests (a long comment) are cut on the page so it stays one page. */
    static final int MAX_REQUEST_SHOWN = 480;

    private static final float MARGIN = ReceiptPdf.MARGIN;
    private static final float WIDTH = ReceiptPdf.WIDTH;
    private static final float RIGHT = MARGIN + WIDTH;
    private static final float LABEL_WIDTH = 132;

    private final PaperworkTexts messages;
    private final DocumentWords words;
    private final Learner learner;
    private final Clock clock;
    private final FontFiles fonts = new FontFiles();

    public ProofPdf(PaperworkTexts messages, ZoneId zone, Learner learner, Clock clock) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.words = new DocumentWords(messages, zone);
        this.learner = Objects.requireNonNull(learner, "learner");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Writes the proof to {@code file}, whole or not at all.
     *
     * @param targetTitle the course or subscription's title, or null when no longer known
     */
    public void save(ActionRecord action, String targetTitle, Path file) throws IOException {
        AtomicFiles.write(file, out -> write(action, targetTitle, out));
    }

    /** Writes the proof as a PDF to {@code out} (left open). */
    public void write(ActionRecord action, String targetTitle, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(ReceiptPdf.PAGE);
            document.addPage(page);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(messages.get("paperwork.proof.documentTitle", String.valueOf(action.id()), kind(action)));
            info.setAuthor(learner.name());
            info.setCreator("CourseDesk");
            document.getDocumentCatalog().setLanguage(messages.locale().toLanguageTag());
            try (PdfCanvas canvas = new PdfCanvas(document, page, new PdfFonts(document, fonts))) {
                draw(canvas, action, targetTitle);
            }
            document.save(out);
        }
    }

    /** The file name of an action's proof. */
    public static String fileName(ActionRecord action) {
        return "coursedesk-action-" + action.id() + "-" + action.kind().wireName() + ".pdf";
    }

    private void draw(PdfCanvas c, ActionRecord a, String targetTitle) throws IOException {
        float top = ReceiptPdf.PAGE.getHeight() - MARGIN;
        String title = messages.get("paperwork.proof.title");
        float titleWidth = c.width(title, BOLD, 20);
        c.paragraph(MARGIN, top - 4, learner.provider(), BOLD, 16, 19, WIDTH - titleWidth - 40, Ink.TEXT);
        c.textRight(RIGHT, top - 6, title, BOLD, 20, Ink.ACCENT);
        c.textRight(RIGHT, top - 24, messages.get("paperwork.proof.actionNumber", String.valueOf(a.id())), REGULAR,
                11, Ink.MUTED);
        float y = top - 44;
        c.rule(MARGIN, y, RIGHT, Ink.RULE, 0.8f);

        y -= 34;
        c.fill(MARGIN, y, WIDTH, 24, bandInk(a.state()));
        c.text(MARGIN + 12, y + 8, band(a), BOLD, 11.5f, Ink.WHITE);
        y -= 26;

        y = section(c, y, messages.get("paperwork.proof.section.asked"), asked(a, targetTitle));
        y = section(c, y, messages.get("paperwork.proof.section.when"), when(a));
        y = heading(c, y, messages.get("paperwork.proof.section.key"));
        c.text(MARGIN, y, a.idempotencyKey(), BOLD, 11, Ink.TEXT);
        y = c.paragraph(MARGIN, y - 14, messages.get("paperwork.proof.keyExplained"), REGULAR, 8.5f, 11, WIDTH,
                Ink.MUTED) - 12;
        y = section(c, y, messages.get("paperwork.proof.section.answer"), answer(a));
        section(c, y, messages.get("paperwork.proof.section.result"), result(a));

        Instant made = clock.instant();
        // The footer names the zone with its id, once, since a proof travels; UTC needs saying only once.
        String madeAt = messages.get("paperwork.proof.bothZones", words.zoneName(), DocumentWords.utc(made));
        String footer = ZoneNames.isUtc(words.zone())
                ? messages.get("paperwork.proof.footerUtc", words.dateTime(made), madeAt)
                : messages.get("paperwork.proof.footer", words.dateTime(made), madeAt, words.zoneWithId());
        c.paragraph(MARGIN, MARGIN + 26, footer, REGULAR, 8.5f, 11, WIDTH, Ink.MUTED);
    }

    private String band(ActionRecord a) {
        return switch (a.state()) {
            case CONFIRMED -> a.serverTime() == null ? messages.get("paperwork.proof.band.confirmedUndated")
                    : messages.get("paperwork.proof.band.confirmed", words.date(a.serverTime()));
            case REFUSED -> messages.get("paperwork.proof.band.refused", status(a));
            case FAILED -> messages.get("paperwork.proof.band.failed", status(a));
            case PENDING, SENDING -> messages.get("paperwork.proof.band.open");
        };
    }

    private static Ink bandInk(ActionState state) {
        return switch (state) {
            case CONFIRMED -> Ink.OK;
            case REFUSED, FAILED -> Ink.DANGER;
            case PENDING, SENDING -> Ink.WARNING;
        };
    }

    private static String status(ActionRecord a) {
        String status = a.serverStatus() == null ? "?" : String.valueOf(a.serverStatus());
        return a.serverCode() == null || a.serverCode().isBlank() ? status : status + " " + a.serverCode();
    }

    private String kind(ActionRecord a) {
        return switch (a.kind()) {
            case CANCEL -> messages.get("paperwork.proof.kind.cancel");
            case RESTART -> messages.get("paperwork.proof.kind.restart");
            case REFUND -> messages.get("paperwork.proof.kind.refund");
        };
    }

    private List<String[]> asked(ActionRecord a, String targetTitle) {
        List<String[]> rows = new ArrayList<>();
        rows.add(row("paperwork.proof.what", kind(a)));
        String target = a.targetType() == RecordType.PURCHASE ? messages.get("paperwork.proof.target.purchase")
                : messages.get("paperwork.proof.target.subscription");
        rows.add(row("paperwork.proof.record", targetTitle == null
                ? messages.get("paperwork.proof.recordUntitled", target, a.targetId())
                : messages.get("paperwork.proof.recordTitled", targetTitle, target, a.targetId())));
        String request = a.requestJson() == null ? "{}" : a.requestJson();
        if (request.length() > MAX_REQUEST_SHOWN) {
            request = messages.get("paperwork.proof.requestCut", request.substring(0, MAX_REQUEST_SHOWN),
                    request.length());
        }
        rows.add(row("paperwork.proof.request", request));
        rows.add(row("paperwork.proof.account", messages.get("paperwork.proof.accountValue", learner.name(),
                learner.email(), learner.accountId())));
        return rows;
    }

    private List<String[]> when(ActionRecord a) {
        List<String[]> rows = new ArrayList<>();
        rows.add(row("paperwork.proof.askedAt", bothZones(a.createdAt())));
        if (a.sentAt() != null) {
            rows.add(row("paperwork.proof.sentAt", bothZones(a.sentAt())));
        }
        rows.add(row("paperwork.proof.attempts", String.valueOf(a.attempts())));
        return rows;
    }

    private List<String[]> answer(ActionRecord a) {
        List<String[]> rows = new ArrayList<>();
        rows.add(row("paperwork.proof.state", switch (a.state()) {
            case PENDING -> messages.get("paperwork.proof.state.pending");
            case SENDING -> messages.get("paperwork.proof.state.sending");
            case CONFIRMED -> messages.get("paperwork.proof.state.confirmed");
            case REFUSED -> messages.get("paperwork.proof.state.refused");
            case FAILED -> messages.get("paperwork.proof.state.failed");
        }));
        if (a.state().isOpen()) {
            rows.add(row("paperwork.proof.noAnswer", a.lastError() == null ? messages.get("paperwork.proof.notSentYet")
                    : messages.get("paperwork.proof.lastError", a.lastError())));
            return rows;
        }
        rows.add(row("paperwork.proof.httpStatus", a.serverStatus() == null ? "-" : String.valueOf(a.serverStatus())));
        if (a.serverCode() != null && !a.serverCode().isBlank()) {
            rows.add(row("paperwork.proof.code", a.serverCode()));
        }
        if (a.serverDetail() != null && !a.serverDetail().isBlank()) {
            rows.add(row("paperwork.proof.detail", a.serverDetail()));
        }
        rows.add(row("paperwork.proof.serverTime", a.serverTime() == null
                ? messages.get("paperwork.proof.serverTimeUnknown") : bothZones(a.serverTime())));
        if (a.answeredAt() != null) {
            rows.add(row("paperwork.proof.answeredAt", bothZones(a.answeredAt())));
        }
        return rows;
    }

    /** The state the provider reported in its answer (kept in the action's result). */
    private List<String[]> result(ActionRecord a) {
        List<String[]> rows = new ArrayList<>();
        JsonObject json = parse(a.resultJson());
        if (json == null) {
            rows.add(row("paperwork.proof.resultState", switch (a.state()) {
                case PENDING, SENDING -> messages.get("paperwork.proof.result.unknown");
                case REFUSED, FAILED -> messages.get("paperwork.proof.result.unchanged");
                case CONFIRMED -> messages.get("paperwork.proof.result.notKept");
            }));
            return rows;
        }
        String type = text(json, "type");
        if ("subscription".equals(type)) {
            addIf(rows, "paperwork.proof.result.status", subscriptionStatus(text(json, "status")));
            if (json.has("cancelAtPeriodEnd")) {
                rows.add(row("paperwork.proof.result.setToEnd", json.get("cancelAtPeriodEnd").getAsBoolean()
                        ? messages.get("paperwork.proof.yes") : messages.get("paperwork.proof.no")));
            }
            addIf(rows, "paperwork.proof.result.periodEnd", instant(json, "currentPeriodEnd"));
            addIf(rows, "paperwork.proof.result.canceledAt", instant(json, "canceledAt"));
            addIf(rows, "paperwork.proof.result.endedAt", instant(json, "endedAt"));
            String next = instant(json, "nextPaymentAt");
            Money amount = money(json, "nextPaymentAmountMinor", "nextPaymentCurrency");
            if (next != null) {
                rows.add(row("paperwork.proof.result.nextPayment", amount == null ? next
                        : messages.get("paperwork.proof.result.nextPaymentValue", next, words.money(amount))));
            } else {
                rows.add(row("paperwork.proof.result.nextPayment", messages.get("paperwork.proof.result.noPayment")));
            }
            addIf(rows, "paperwork.proof.result.deadlinesReset", instant(json, "deadlinesResetAt"));
        } else if ("purchase".equals(type)) {
            addIf(rows, "paperwork.proof.result.status", purchaseStatus(text(json, "status")));
            Money total = money(json, "totalMinor", "currency");
            if (total != null) {
                rows.add(row("paperwork.proof.result.total", words.money(total)));
            }
            addIf(rows, "paperwork.proof.result.refundedAt", instant(json, "refundedAt"));
            addIf(rows, "paperwork.proof.result.receipt", text(json, "receiptNumber"));
        }
        addIf(rows, "paperwork.proof.result.updatedAt", instant(json, "updatedAt"));
        if (rows.isEmpty()) {
            rows.add(row("paperwork.proof.resultState", a.resultJson()));
        }
        return rows;
    }

    private String subscriptionStatus(String wire) {
        if (wire == null) {
            return null;
        }
        try {
            return switch (SubscriptionStatus.fromWire(wire)) {
                case TRIALING -> messages.get("paperwork.subscriptionStatus.trialing");
                case ACTIVE -> messages.get("paperwork.subscriptionStatus.active");
                case PAST_DUE -> messages.get("paperwork.subscriptionStatus.pastDue");
                case CANCELED -> messages.get("paperwork.subscriptionStatus.canceled");
            };
        } catch (UnknownWireValueException e) {
            return wire;
        }
    }

    private String purchaseStatus(String wire) {
        if (wire == null) {
            return null;
        }
        try {
            return words.status(PurchaseStatus.fromWire(wire));
        } catch (UnknownWireValueException e) {
            return wire;
        }
    }

    private static JsonObject parse(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            JsonElement parsed = JsonParser.parseString(json);
            return parsed.isJsonObject() ? parsed.getAsJsonObject() : null;
        } catch (JsonParseException e) {
            return null;
        }
    }

    private static String text(JsonObject json, String name) {
        JsonElement value = json.get(name);
        return value == null || !value.isJsonPrimitive() ? null : value.getAsString();
    }

    private String instant(JsonObject json, String name) {
        String value = text(json, name);
        if (value == null) {
            return null;
        }
        try {
            return bothZones(Instant.parse(value));
        } catch (DateTimeException e) {
            return value;
        }
    }

    private static Money money(JsonObject json, String minorName, String currencyName) {
        String minor = text(json, minorName);
        String currency = text(json, currencyName);
        if (minor == null || currency == null) {
            return null;
        }
        try {
            return Money.of(Long.parseLong(minor), currency);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void addIf(List<String[]> rows, String labelKey, String value) {
        if (value != null) {
            rows.add(row(labelKey, value));
        }
    }

    /** "3 May 2026, 14:05 (British Time) · 2026-05-03T13:05:00Z". */
    private String bothZones(Instant instant) {
        return messages.get("paperwork.proof.bothZones", words.dateTimeWithZone(instant), DocumentWords.utc(instant));
    }

    private String[] row(String labelKey, String value) {
        return new String[] {messages.get(labelKey), value};
    }

    private static float heading(PdfCanvas c, float y, String text) throws IOException {
        c.text(MARGIN, y, text, BOLD, 11, Ink.ACCENT);
        c.rule(MARGIN, y - 5, RIGHT, Ink.RULE, 0.6f);
        return y - 19;
    }

    private static float section(PdfCanvas c, float y, String title, List<String[]> rows) throws IOException {
        float line = heading(c, y, title);
        for (String[] r : rows) {
            float labelEnd = c.paragraph(MARGIN, line, r[0], REGULAR, 9.5f, 12.5f, LABEL_WIDTH - 8, Ink.MUTED);
            float valueEnd = c.paragraph(MARGIN + LABEL_WIDTH, line, r[1], REGULAR, 9.5f, 12.5f,
                    WIDTH - LABEL_WIDTH, Ink.TEXT);
            line = Math.min(labelEnd, valueEnd) - 2;
        }
        return line - 10;
    }
}
