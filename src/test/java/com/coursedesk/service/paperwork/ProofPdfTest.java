package com.coursedesk.service.paperwork;

import com.coursedesk.data.db.ActionKind;
import com.coursedesk.data.db.ActionRecord;
import com.coursedesk.data.db.ActionState;
import com.coursedesk.data.db.RecordType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The proof of an action, read back: what was asked, when, the key, the answer and the resulting state. */
class ProofPdfTest {

    static final Instant ASKED = Instant.parse("2026-05-03T13:05:00Z");
    static final String KEY = "6f1c2a9e-3b7d-4e51-9a0c-2d8f5e7b1c44";

    static byte[] proof(ActionRecord action, String title, Locale locale) throws IOException {
        return proof(action, title, locale, ZoneId.of("Europe/London"));
    }

    static byte[] proof(ActionRecord action, String title, Locale locale, ZoneId zone) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ProofPdf(PaperworkTexts.load(locale), zone, ReceiptPdfTest.ADA,
                Clock.fixed(Instant.parse("2026-05-10T09:00:00Z"), ZoneOffset.UTC)).write(action, title, out);
        return out.toByteArray();
    }

    @Test
    void aConfirmedCancellationShowsTheKeyTheAnswerAndTheStateThatFollowed() throws IOException {
        String result = "{\"type\":\"subscription\",\"id\":\"sub_gda\",\"title\":\"Google Data Analytics\","
                + "\"status\":\"active\",\"cancelAtPeriodEnd\":true,\"currentPeriodEnd\":\"2026-05-20T09:00:00Z\","
                + "\"canceledAt\":\"2026-05-03T13:05:02Z\",\"updatedAt\":\"2026-05-03T13:05:02Z\",\"version\":7}";
        ActionRecord cancel = new ActionRecord(42, ActionKind.CANCEL, RecordType.SUBSCRIPTION, "sub_gda", KEY,
                "{\"reason\":\"too_expensive\"}", ActionState.CONFIRMED, ASKED, ASKED.plusSeconds(1),
                ASKED.plusSeconds(2), 1, null, 200, null, null, result, Instant.parse("2026-05-03T13:05:02Z"));

        byte[] pdf = proof(cancel, "Google Data Analytics", Locale.UK);
        String text = PdfTexts.flat(pdf);

        assertThat(PdfTexts.pages(pdf)).isEqualTo(1);
        assertThat(text).contains("Proof of an action", "Action 42", "CONFIRMED by the provider on 3 May 2026")
                .contains("Cancel the subscription", "Google Data Analytics (subscription sub_gda)")
                .contains("{\"reason\":\"too_expensive\"}")
                .contains("Ada Lovelace <ada@example.com>, account acc_ada")
                .contains("Asked at", "3 May 2026, 14:05 (British Time) · 2026-05-03T13:05:00Z")
                .contains("Idempotency key", KEY)
                .contains("HTTP status 200", "Server time 3 May 2026, 14:05 (British Time) · 2026-05-03T13:05:02Z")
                .contains("Resulting state", "Status Active", "Set to end yes")
                .contains("Current period ends 20 May 2026, 10:00 (British Time) · 2026-05-20T09:00:00Z")
                .contains("Next payment none: nothing more will be charged");
    }

    @Test
    void aRefusalShowsTheProvidersCodeAndDetailAndThatNothingChanged() throws IOException {
        ActionRecord refund = new ActionRecord(7, ActionKind.REFUND, RecordType.PURCHASE, "pur_9", KEY,
                "{\"reason\":\"Not what I expected\"}", ActionState.REFUSED, ASKED, ASKED.plusSeconds(1),
                ASKED.plusSeconds(2), 1, null, 409, "managed_elsewhere",
                "This purchase was made in the App Store; ask Apple for a refund.", null, null);

        String text = PdfTexts.flat(proof(refund, null, Locale.UK));

        assertThat(text).contains("REFUSED by the provider (409 managed_elsewhere)", "Ask for a refund")
                .contains("purchase pur_9", KEY, "Code managed_elsewhere")
                .contains("This purchase was made in the App Store; ask Apple for a refund.")
                .contains("Nothing changed: the provider did not carry out the action.");
    }

    @Test
    void anUnansweredActionSaysSoInTheLearnersLanguage() throws IOException {
        ActionRecord restart = new ActionRecord(3, ActionKind.RESTART, RecordType.SUBSCRIPTION, "sub_aa", KEY, "{}",
                ActionState.PENDING, ASKED, ASKED.plusSeconds(1), null, 2, "ApiUnreachableException", null, null, null,
                null, null);

        String text = PdfTexts.flat(proof(restart, "Aprendizaje Automático", Locale.forLanguageTag("es-ES")));

        assertThat(text).contains("Justificante de una acción", "SIN RESPUESTA TODAVÍA", "Reanudar la suscripción")
                .contains("Aprendizaje Automático (suscripción sub_aa)", KEY, "Intentos 2")
                .contains("Aún no se sabe: el proveedor no ha respondido.");
    }

    @Test
    void aLongCommentIsCutSoTheProofStaysOnePage() throws IOException {
        String comment = "x".repeat(1000);
        ActionRecord cancel = new ActionRecord(9, ActionKind.CANCEL, RecordType.SUBSCRIPTION, "sub_1", KEY,
                "{\"comment\":\"" + comment + "\"}", ActionState.REFUSED, ASKED, ASKED, ASKED, 1, null, 409,
                "not_cancelable", "The subscription has already ended.", null, null);

        byte[] pdf = proof(cancel, "A course with a rather long title that goes on and on", Locale.UK);

        assertThat(PdfTexts.pages(pdf)).isEqualTo(1);
        assertThat(PdfTexts.flat(pdf)).contains("1,014 characters in all", KEY,
                "Made by CourseDesk on 10 May 2026, 10:00 (British Time · 2026-05-10T09:00:00Z)",
                "Times are shown in the learner’s time zone, British Time (Europe/London), and in UTC.");
    }

    @Test
    void theZoneIsNamedAsPeopleKnowItWithItsIdOnceAndUtcJustOnce() throws IOException {
        ActionRecord restart = new ActionRecord(3, ActionKind.RESTART, RecordType.SUBSCRIPTION, "sub_aa", KEY, "{}",
                ActionState.PENDING, ASKED, ASKED.plusSeconds(1), null, 2, "ApiUnreachableException", null, null, null,
                null, null);

        String paris = PdfTexts.flat(proof(restart, "Machine Learning", Locale.US, ZoneId.of("Europe/Paris")));
        String madrid = PdfTexts.flat(proof(restart, "Machine Learning", Locale.forLanguageTag("es-ES"),
                ZoneId.of("Europe/Madrid")));
        String utc = PdfTexts.flat(proof(restart, "Machine Learning", Locale.UK, ZoneId.of("Etc/UTC")));

        assertThat(paris).contains("(Central European Time) · 2026-05-03T13:05:00Z")
                .contains("time zone, Central European Time (Europe/Paris), and in UTC.");
        assertThat(madrid).contains("(hora de Europa central) · 2026-05-03T13:05:00Z")
                .contains("zona horaria del alumno, hora de Europa central (Europe/Madrid), y en UTC.");
        assertThat(utc).contains("3 May 2026, 13:05 (UTC) · 2026-05-03T13:05:00Z")
                .contains("Made by CourseDesk on 10 May 2026, 09:00 (UTC · 2026-05-10T09:00:00Z)")
                .contains("Times are shown in UTC.").doesNotContain("Etc/UTC", "time zone, UTC");
    }
}
