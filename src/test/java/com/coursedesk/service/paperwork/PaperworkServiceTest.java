package com.coursedesk.service.paperwork;

import com.coursedesk.data.db.ActionRecord;
import com.coursedesk.data.db.ActionState;
import com.coursedesk.domain.Money;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.Subscription;
import com.coursedesk.platform.credentials.InMemoryCredentialStore;
import com.coursedesk.service.ServiceFixture;
import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.service.sync.SyncStatus;
import com.coursedesk.service.upcoming.StoreUpcomingService;
import com.coursedesk.service.upcoming.UpcomingEvent;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import static com.coursedesk.service.ServiceFixture.ADA;
import static com.coursedesk.service.ServiceFixture.localState;
import static com.coursedesk.service.ServiceFixture.syncNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The paperwork of a real account: ada signed in to the sandbox over HTTP and synced, then
 * everything made from her local copy.
 */
class PaperworkServiceTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @TempDir
    static Path dir;

    static ServiceFixture fx;
    static AccountSession session;
    static PaperworkService paperwork;

    @BeforeAll
    static void signInAndSync() {
        fx = ServiceFixture.start(dir.resolve("world"));
        session = fx.signIn(fx.newSignInService(new InMemoryCredentialStore()), ADA);
        assertThat(syncNow(session)).isInstanceOf(SyncStatus.Idle.class);
        paperwork = new PaperworkService(session.store(), session.account(), PaperworkTexts.load(Locale.UK), LONDON,
                Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static Purchase purchaseTitled(String title) {
        return localState(session.store()).purchases().values().stream()
                .filter(p -> p.product().title().equals(title)).findFirst().orElseThrow();
    }

    private static Subscription subscriptionTitled(String title) {
        return localState(session.store()).subscriptions().values().stream()
                .filter(s -> s.product().title().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void theSandboxsJapaneseAndEmojiTitlesMakeReceipts() throws Exception {
        Path japanese = dir.resolve("jp.pdf");
        Path emoji = dir.resolve("emoji.pdf");

        paperwork.saveReceipt(purchaseTitled("数据科学基础").id(), dir.resolve("cn.pdf"));
        Purchase jp = subscriptionPayment("機械学習入門");
        paperwork.saveReceipt(jp.id(), japanese);
        Purchase joy = purchaseTitled("The Science of Well-Being 😊");
        paperwork.saveReceipt(joy.id(), emoji);

        // Signed in by the sandbox's address: the provider is named by its host.
        assertThat(PdfTexts.flat(Files.readAllBytes(japanese))).contains("機械学習入門", "東京大学", jp.receiptNumber(),
                fx.baseUri().getHost(), "Ada Lovelace", ADA);
        assertThat(PdfTexts.flat(Files.readAllBytes(emoji))).contains("The Science of Well-Being", joy.receiptNumber());
        assertThat(PdfTexts.flat(Files.readAllBytes(dir.resolve("cn.pdf")))).contains("数据科学基础", "北京大学",
                "PayPal a***@example.com");
        assertThatThrownBy(() -> paperwork.saveReceipt("pur_nope", dir.resolve("x.pdf")))
                .isInstanceOf(NoSuchElementException.class);
        assertThat(dir.resolve("x.pdf")).doesNotExist();
    }

    private static Purchase subscriptionPayment(String title) {
        return localState(session.store()).purchases().values().stream()
                .filter(p -> p.product().title().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void adasCourseraPlusPriceHistoryMarksTheRiseFrom299To319() {
        Subscription plus = subscriptionTitled("Coursera Plus");

        PriceHistory history = paperwork.priceHistory(plus.id());

        assertThat(history.title()).isEqualTo("Coursera Plus");
        assertThat(history.points()).extracting(PricePoint::paid)
                .containsExactly(Money.of(29900, "GBP"), Money.of(31900, "GBP"));
        assertThat(history.points()).extracting(PricePoint::change)
                .containsExactly(PriceChange.FIRST, PriceChange.INCREASE);
        assertThat(history.points().get(1).previous()).isEqualTo(Money.of(29900, "GBP"));
        assertThat(history.points().get(0).paidAt()).isBefore(history.points().get(1).paidAt());
        assertThat(history.changes()).isEqualTo(1);
    }

    @Test
    void theTaxYearZipHoldsExactlyThatYearsPurchasesFromTheStore() throws Exception {
        int year = paperwork.purchaseYears().get(0);
        Path zip = dir.resolve("year.zip");

        TaxYearSummary summary = paperwork.exportTaxYear(TaxYear.calendar(year), zip, (done, total) -> { });

        List<Purchase> expected = localState(session.store()).purchases().values().stream()
                .filter(p -> p.purchasedAt().atZone(LONDON).getYear() == year).toList();
        assertThat(summary.purchases()).isEqualTo(expected.size()).isPositive();
        TaxYearExportTest.Zip read = TaxYearExportTest.Zip.read(zip);
        assertThat(read.csv(TaxYearExport.PURCHASES_CSV)).extracting(r -> r.get("purchase_id"))
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(Purchase::id).toList());
        assertThat(read.names().stream().filter(n -> n.startsWith(TaxYearExport.RECEIPTS))).hasSize(expected.size());
        // ada pays in several currencies: each has its own total line.
        assertThat(summary.totals()).extracting(t -> t.currency().getCurrencyCode()).doesNotHaveDuplicates();
    }

    @Test
    void theCalendarHoldsOneEventPerUpcomingMoneyEvent() throws Exception {
        Map<String, LocalDate> reminders = new HashMap<>();
        StoreUpcomingService upcoming = new StoreUpcomingService(session.store(),
                new com.coursedesk.service.subscriptions.RestartReminders() {
                    @Override
                    public Optional<LocalDate> get(String subscriptionId) {
                        return Optional.ofNullable(reminders.get(subscriptionId));
                    }

                    @Override
                    public void set(String subscriptionId, LocalDate date) {
                        reminders.put(subscriptionId, date);
                    }
                });
        Path ics = dir.resolve("upcoming.ics");

        int count = paperwork.saveCalendar(upcoming, 3, ics);

        List<UpcomingEvent> events = upcoming.events(java.time.Instant.now(), LONDON);
        assertThat(count).isEqualTo(events.size()).isPositive();
        try (InputStream in = Files.newInputStream(ics)) {
            assertThat(new CalendarBuilder().build(in).getComponents(Component.VEVENT)).hasSize(count);
        }
    }

    @Test
    void aProofOfARealCancellationHoldsTheKeyAndTheProvidersAnswer() throws Exception {
        Subscription cancelable = localState(session.store()).subscriptions().values().stream()
                .filter(Subscription::isCancelable).filter(s -> !s.product().title().equals("Coursera Plus"))
                .findFirst().orElseThrow();
        long id = session.actions().cancel(cancelable.id(), null, null);
        assertThat(syncNow(session)).isInstanceOf(SyncStatus.Idle.class);
        Path pdf = dir.resolve("proof.pdf");

        ActionRecord action = paperwork.saveProof(id, pdf);

        assertThat(action.state()).isEqualTo(ActionState.CONFIRMED);
        assertThat(PdfTexts.flat(Files.readAllBytes(pdf))).contains(action.idempotencyKey(), "CONFIRMED by the provider",
                "HTTP status 200", cancelable.product().title(), "Set to end yes", "Cancel the subscription");
        assertThatThrownBy(() -> paperwork.saveProof(999_999, dir.resolve("none.pdf")))
                .isInstanceOf(NoSuchElementException.class);
    }
}
