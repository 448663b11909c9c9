package com.coursedesk.ui.paperwork;

import com.coursedesk.data.db.ActionDao;
import com.coursedesk.data.db.ActionKind;
import com.coursedesk.data.db.LocalStore;
import com.coursedesk.data.db.NewAction;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.PurchaseKind;
import com.coursedesk.domain.PurchaseStatus;
import com.coursedesk.service.paperwork.PaperworkService;
import com.coursedesk.service.paperwork.PaperworkTexts;
import com.coursedesk.service.paperwork.TaxYear;
import com.coursedesk.service.purchases.PurchaseFixtures;
import com.coursedesk.service.subscriptions.SubscriptionFixtures;
import com.coursedesk.service.upcoming.UpcomingEvents;
import com.coursedesk.ui.common.Formats;
import com.coursedesk.ui.common.ImmediateTaskRunner;
import com.coursedesk.ui.common.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static com.coursedesk.service.purchases.PurchaseFixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;

/** The paperwork's view-model without a toolkit: files written through the task runner, one line of outcome. */
class PaperworkViewModelTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @TempDir
    Path dir;

    private LocalStore store;
    private PaperworkViewModel viewModel;
    private final Messages messages = Messages.load(Locale.UK);

    private final List<Purchase> purchases = List.of(
            purchase("p1").title("Introduction to Psychology").price(3900, "GBP").receipt("R-2025-000001")
                    .purchasedAt(Instant.parse("2025-03-01T10:00:00Z")).build(),
            purchase("plus1").title("Coursera Plus").kind(PurchaseKind.SUBSCRIPTION_PAYMENT).price(29900, "GBP")
                    .purchasedAt(Instant.parse("2025-01-10T10:00:00Z")).receipt("R-2025-000002").build(),
            purchase("plus2").title("Coursera Plus").kind(PurchaseKind.SUBSCRIPTION_PAYMENT).price(31900, "GBP")
                    .purchasedAt(Instant.parse("2026-01-10T10:00:00Z")).receipt("R-2026-000003").build());

    @BeforeEach
    void open() {
        // Both payments belong to one subscription.
        List<Purchase> all = purchases.stream().map(p -> p.kind() == PurchaseKind.SUBSCRIPTION_PAYMENT
                ? new Purchase(p.id(), p.kind(), p.product(), "sub_plus", p.amount(), p.tax(), p.total(), p.channel(),
                p.status(), p.purchasedAt(), p.refundedAt(), p.refundableUntil(), p.receiptNumber(), p.paymentMethod(),
                p.updatedAt(), p.version()) : p).toList();
        store = PurchaseFixtures.store(dir, all);
        PaperworkService service = new PaperworkService(store, PaperworkTestViews.ADA, PaperworkTexts.load(Locale.UK),
                LONDON, PurchaseFixtures.clockAt(SubscriptionFixtures.NOW));
        viewModel = new PaperworkViewModel(service, (now, zone) -> UpcomingEvents.from(
                List.of(SubscriptionFixtures.trial()), List.of(), Map.of(), now, zone), () -> 5, messages,
                new Formats(Locale.UK, LONDON, messages), new ImmediateTaskRunner());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aReceiptIsSavedAndSaysWhere() {
        Path file = dir.resolve("receipt.pdf");
        assertThat(viewModel.receiptFileName(purchases.get(0))).isEqualTo("R-2025-000001.pdf");

        viewModel.saveReceipt("p1", file);

        assertThat(file).exists();
        assertThat(viewModel.messageProperty().get()).isEqualTo("Receipt R-2025-000001 saved to " + file + ".");
        assertThat(viewModel.messageStyleProperty().get()).isEqualTo("status-ok");
        assertThat(viewModel.busyProperty().get()).isFalse();
    }

    @Test
    void aPurchaseGoneFromTheCopySaysSoInRed() {
        viewModel.saveReceipt("p_gone", dir.resolve("gone.pdf"));

        assertThat(viewModel.messageProperty().get())
                .isEqualTo("gone.pdf could not be saved: it is no longer in the copy on this computer");
        assertThat(viewModel.messageStyleProperty().get()).isEqualTo("status-danger");
        assertThat(dir.resolve("gone.pdf")).doesNotExist();
    }

    @Test
    void theTaxYearDialogOffersTheYearsWithPurchasesAndTheExportSaysHowMany() {
        viewModel.loadYears();
        assertThat(viewModel.years()).containsExactly(2026, 2025);
        TaxYear fiscal = TaxYear.starting(2024, 4);
        assertThat(viewModel.taxYearRange(fiscal))
                .isEqualTo("From 1 April 2024 to 31 March 2025, days counted in British Time.");
        assertThat(viewModel.taxYearFileName(fiscal)).isEqualTo("coursedesk-tax-year-2024-25.zip");
        Path zip = dir.resolve("2025.zip");

        viewModel.exportTaxYear(TaxYear.calendar(2025), zip);

        assertThat(zip).exists();
        assertThat(viewModel.messageProperty().get()).isEqualTo("2 purchases of the tax year 2025 saved to " + zip + ".");
        assertThat(viewModel.exportingProperty().get()).isFalse();
    }

    @Test
    void theCalendarUsesTheLeadTimeItIsGiven() throws Exception {
        Path ics = dir.resolve("upcoming.ics");
        assertThat(viewModel.calendarFileName()).isEqualTo("coursedesk-upcoming.ics");

        viewModel.saveCalendar(ics);

        assertThat(Files.readString(ics)).contains("TRIGGER:-P5D", "Machine Learning Specialization");
        assertThat(viewModel.messageProperty().get()).isEqualTo("1 coming event saved to " + ics
                + ", each with a reminder 5 days before. Open the file to add them to your calendar.");
    }

    @Test
    void aProofIsSavedForAnActionOfTheHistory() {
        long id = store.write(c -> new ActionDao().insertPending(c, new NewAction(ActionKind.REFUND, "p1", "key-1",
                "{\"reason\":\"Not for me\"}", SubscriptionFixtures.NOW)));
        Path pdf = dir.resolve("proof.pdf");
        assertThat(viewModel.proofFileName(id)).isEqualTo("coursedesk-action-" + id + ".pdf");

        viewModel.saveProof(id, pdf);

        assertThat(pdf).exists();
        assertThat(viewModel.messageProperty().get()).isEqualTo("Proof of action " + id + " saved to " + pdf + ".");
    }

    @Test
    void thePriceHistoryMarksTheRiseInTheLearnersWords() {
        AtomicReference<PriceHistoryModel> shown = new AtomicReference<>();

        viewModel.loadPriceHistory("sub_plus", shown::set);

        PriceHistoryModel model = shown.get();
        assertThat(model.title()).isEqualTo("Price history: Coursera Plus");
        assertThat(model.summary()).isEqualTo("2 payments; the price changed once.");
        assertThat(model.rows()).extracting(PriceHistoryModel.Row::date, PriceHistoryModel.Row::amount,
                        PriceHistoryModel.Row::change, PriceHistoryModel.Row::marked)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("10 Jan 2025", "£299.00", "First payment", false),
                        org.assertj.core.groups.Tuple.tuple("10 Jan 2026", "£319.00", "Price up from £299.00 (+£20.00)",
                                true));
        assertThat(model.series()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("Paid (GBP)");
            assertThat(s.points()).extracting(PriceHistoryModel.Point::amount).containsExactly(299.0, 319.0);
        });
    }

    @Test
    void aPriceHistoryThatCannotBeReadSaysWhatToDoNotTheExceptionsWords() {
        AtomicReference<PriceHistoryModel> shown = new AtomicReference<>();
        store.close();

        viewModel.loadPriceHistory("sub_plus", shown::set);

        assertThat(shown.get()).isNull();
        // It read "The price history could not be read from this computer: The store is closed" (Java's English).
        assertThat(viewModel.messageProperty().get()).isEqualTo("The price history could not be read from this "
                + "computer. Check that the disk is not full, then open it again; if it keeps happening, "
                + "CourseDesk's log has the details.");
        assertThat(viewModel.messageStyleProperty().get()).isEqualTo("status-danger");
    }

    @Test
    void aRefundedPaymentAndAChangeOfCurrencyAreSaidPlainly() {
        List<Purchase> payments = List.of(
                purchase("a").kind(PurchaseKind.SUBSCRIPTION_PAYMENT).price(3900, "GBP")
                        .purchasedAt(Instant.parse("2026-01-01T10:00:00Z")).status(PurchaseStatus.REFUNDED).build(),
                purchase("b").kind(PurchaseKind.SUBSCRIPTION_PAYMENT).price(4500, "EUR")
                        .purchasedAt(Instant.parse("2026-02-01T10:00:00Z")).build());
        PriceHistoryModel both = viewModel.model(new com.coursedesk.service.paperwork.PriceHistory("sub_x", "Plan",
                com.coursedesk.service.paperwork.PriceHistory.points(payments)));
        assertThat(both.rows()).extracting(PriceHistoryModel.Row::change)
                .containsExactly("First payment; refunded", "Charged in EUR instead of GBP");
        assertThat(both.series()).extracting(PriceHistoryModel.Series::name).containsExactly("Paid (GBP)", "Paid (EUR)");
        PriceHistoryModel none = viewModel.model(new com.coursedesk.service.paperwork.PriceHistory("sub_x", "Plan",
                List.of()));
        assertThat(none.summary()).isEqualTo("No payments of this subscription yet.");
        assertThat(none.rows()).isEmpty();
    }
}
