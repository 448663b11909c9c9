package com.coursedesk.ui.purchases;

import com.coursedesk.data.db.ActionAnswer;
import com.coursedesk.data.db.ActionDao;
import com.coursedesk.data.db.ActionKind;
import com.coursedesk.data.db.ActionRecord;
import com.coursedesk.data.db.LocalStore;
import com.coursedesk.data.db.PurchaseDao;
import com.coursedesk.domain.Channel;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.PurchaseKind;
import com.coursedesk.domain.PurchaseStatus;
import com.coursedesk.service.actions.ActionService;
import com.coursedesk.service.purchases.PurchaseCsvExporter;
import com.coursedesk.service.purchases.PurchaseFixtures;
import com.coursedesk.service.purchases.PurchaseHistoryService;
import com.coursedesk.service.purchases.SpendingChart;
import com.coursedesk.ui.common.Formats;
import com.coursedesk.ui.common.ImmediateTaskRunner;
import com.coursedesk.ui.common.Messages;
import com.coursedesk.ui.common.TaskRunner;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import static com.coursedesk.service.purchases.PurchaseFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** The purchase history's view-model over a real local store, every task on the test's thread. */
class PurchasesViewModelTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @TempDir
    Path dir;
    private LocalStore store;
    private final Messages messages = Messages.load(Locale.UK);
    private final Formats formats = new Formats(Locale.UK, LONDON, messages);
    private final AtomicInteger changes = new AtomicInteger();
    private final AtomicInteger queued = new AtomicInteger();
    private PurchasesViewModel vm;

    @BeforeEach
    void open() {
        store = PurchaseFixtures.store(dir, PurchaseFixtures.adaLikeHistory());
        vm = viewModel(new ImmediateTaskRunner(), PurchaseFixtures.clockAt(NOW));
        vm.reload();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private PurchasesViewModel viewModel(TaskRunner tasks, Clock actionClock) {
        ActionService actions = PurchaseFixtures.actions(store, actionClock, queued::incrementAndGet);
        return new PurchasesViewModel(new PurchaseHistoryService(store, actions, LONDON),
                new PurchaseCsvExporter(LONDON), messages, formats, tasks, PurchaseFixtures.clockAt(NOW),
                changes::incrementAndGet);
    }

    private List<String> shownIds() {
        return vm.shownRows().stream().map(PurchaseRow::id).toList();
    }

    private PurchaseRow row(String id) {
        return vm.shownRows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private void select(String id) {
        vm.select(row(id));
    }

    private static <T> FilterOption<T> option(List<FilterOption<T>> options, T value) {
        return options.stream().filter(o -> java.util.Objects.equals(o.value(), value)).findFirst().orElseThrow();
    }

    // ----- the table, search and filters -----

    @Test
    void showsTheWholeHistoryWithCountTotalsAndYears() {
        assertThat(shownIds()).containsExactly("p07", "p01", "p03", "p04", "p08", "p02", "p06", "p05", "p09", "p10", "p11");
        assertThat(vm.countTextProperty().get()).isEqualTo("11 purchases");
        // Never added across currencies; only paid money, refunds apart.
        assertThat(vm.totalsTextProperty().get())
                .isEqualTo("Paid: £125.97 · €45.00 · JP¥4,900 · US$49.00 · Refunded: £39.00");
        assertThat(vm.yearOptions()).extracting(FilterOption::label).containsExactly("All years", "2026", "2025", "2024");
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.filteredProperty().get()).isFalse();
        assertThat(vm.placeholderTextProperty().get()).isEqualTo("No purchases yet. They appear here after the first sync.");
    }

    @Test
    void cellsSpeakTheLearnersLanguageAndZone() {
        PurchaseRow psychology = row("p01");
        assertThat(vm.cellText(PurchaseColumn.DATE, psychology)).isEqualTo("5 May 2026");
        assertThat(vm.cellText(PurchaseColumn.PRODUCT, psychology)).isEqualTo("Introduction to Psychology");
        assertThat(vm.cellText(PurchaseColumn.PARTNER, psychology)).isEqualTo("Yale University");
        assertThat(vm.cellText(PurchaseColumn.TYPE, psychology)).isEqualTo("Course");
        assertThat(vm.cellText(PurchaseColumn.AMOUNT, psychology)).isEqualTo("£39.00");
        assertThat(vm.cellText(PurchaseColumn.STATUS, psychology)).isEqualTo("Paid");
        assertThat(vm.cellText(PurchaseColumn.CHANNEL, row("p03"))).isEqualTo("App Store");
        assertThat(vm.cellText(PurchaseColumn.RECEIPT, psychology)).isEqualTo("R-2026-P01");
        assertThat(vm.cellText(PurchaseColumn.AMOUNT, row("p09"))).isEqualTo("JP¥4,900");
        // 23:30 UTC on 30 June is 1 July in London.
        assertThat(vm.cellText(PurchaseColumn.DATE, row("p09"))).isEqualTo("1 Jul 2025");
    }

    @Test
    void searchIgnoresAccentsAndCaseAndNarrowsTotals() {
        vm.search("aprendizaje automatico");
        assertThat(shownIds()).containsExactly("p02");
        assertThat(vm.countTextProperty().get()).isEqualTo("1 purchase");
        assertThat(vm.totalsTextProperty().get()).isEqualTo("Paid: €45.00");
        assertThat(vm.filteredProperty().get()).isTrue();

        vm.search("  YALE ");
        assertThat(shownIds()).containsExactly("p01", "p05", "p10");
        vm.search("no such course");
        assertThat(shownIds()).isEmpty();
        assertThat(vm.countTextProperty().get()).isEqualTo("No purchases");
        assertThat(vm.totalsTextProperty().get()).isEqualTo("Nothing paid");
        assertThat(vm.placeholderTextProperty().get()).isEqualTo("No purchases match the search and filters.");
    }

    @Test
    void filtersByStatusTypeYearAndChannelWithAnAllChoice() {
        assertThat(vm.statusOptions()).extracting(FilterOption::label)
                .containsExactly("All statuses", "Paid", "Pending", "Failed", "Refunded");
        vm.statusFilterProperty().set(option(vm.statusOptions(), PurchaseStatus.REFUNDED));
        assertThat(shownIds()).containsExactly("p05");
        assertThat(vm.totalsTextProperty().get()).isEqualTo("Nothing paid · Refunded: £39.00");

        vm.statusFilterProperty().set(option(vm.statusOptions(), null));
        vm.channelFilterProperty().set(option(vm.channelOptions(), Channel.GOOGLE_PLAY));
        assertThat(shownIds()).containsExactly("p04");

        vm.channelFilterProperty().set(option(vm.channelOptions(), null));
        vm.yearFilterProperty().set(vm.yearOptions().get(2));
        assertThat(shownIds()).containsExactly("p09", "p10");

        vm.typeFilterProperty().set(vm.typeOptions().stream().filter(o -> "Guided Project".equals(o.label()))
                .findFirst().orElseThrow());
        vm.yearFilterProperty().set(vm.yearOptions().get(0));
        vm.search("trello");
        assertThat(shownIds()).containsExactly("p04");

        vm.clearFilters();
        assertThat(shownIds()).hasSize(11);
        assertThat(vm.filteredProperty().get()).isFalse();
        assertThat(vm.searchText()).isEmpty();
        assertThat(vm.typeFilterProperty().get().isAll()).isTrue();
    }

    @Test
    void everyColumnSorts() {
        vm.sortBy(List.of(new ColumnSort(PurchaseColumn.DATE, true)));
        assertThat(shownIds()).containsExactly("p11", "p10", "p09", "p05", "p06", "p02", "p08", "p04", "p03", "p01", "p07");
        // Money by amount within its currency; currencies kept apart, never converted.
        vm.sortBy(List.of(new ColumnSort(PurchaseColumn.AMOUNT, true)));
        assertThat(shownIds()).containsExactly("p02", "p04", "p08", "p07", "p03", "p11", "p05", "p06", "p01", "p09", "p10");
        vm.sortBy(List.of(new ColumnSort(PurchaseColumn.AMOUNT, false)));
        assertThat(shownIds()).startsWith("p10", "p09", "p01");
        vm.sortBy(List.of(new ColumnSort(PurchaseColumn.PRODUCT, true)));
        assertThat(shownIds()).startsWith("p02", "p08", "p07", "p05", "p04", "p01", "p03").endsWith("p09");
        vm.sortBy(List.of(new ColumnSort(PurchaseColumn.PARTNER, true)));
        assertThat(shownIds()).startsWith("p08", "p04", "p07", "p03");
        vm.sortBy(List.of(new ColumnSort(PurchaseColumn.STATUS, true)));
        assertThat(shownIds()).startsWith("p06").endsWith("p05");
        vm.sortBy(List.of(new ColumnSort(PurchaseColumn.CHANNEL, true)));
        assertThat(shownIds()).startsWith("p03").endsWith("p07");
        vm.sortBy(List.of(new ColumnSort(PurchaseColumn.TYPE, true)));
        assertThat(shownIds()).startsWith("p11", "p10", "p09");
        vm.sortBy(List.of(new ColumnSort(PurchaseColumn.RECEIPT, true)));
        assertThat(shownIds()).startsWith("p01", "p02", "p03");
        // The sort survives a new search.
        vm.search("yale");
        assertThat(shownIds()).containsExactly("p01", "p05", "p10");
    }

    @Test
    void aNewerQueryCancelsTheStaleOneWhoseResultNeverShows() {
        ManualTaskRunner tasks = new ManualTaskRunner();
        PurchasesViewModel racing = viewModel(tasks, PurchaseFixtures.clockAt(NOW));
        racing.reload();
        tasks.runAll();
        assertThat(racing.shownRows()).hasSize(11);

        racing.search("psychology");
        racing.search("yale");
        assertThat(racing.loadingProperty().get()).isTrue();
        assertThat(tasks.waiting()).containsExactly("purchases-query (cancelled)", "purchases-query");
        tasks.runNewest();
        assertThat(racing.shownRows()).extracting(PurchaseRow::id).containsExactly("p01", "p05", "p10");
        assertThat(racing.loadingProperty().get()).isFalse();
        // The older search finishes last: it is ignored.
        tasks.runAll();
        assertThat(racing.shownRows()).extracting(PurchaseRow::id).containsExactly("p01", "p05", "p10");
        assertThat(racing.loadingProperty().get()).isFalse();
    }

    @Test
    void aHistoryAlreadyReadIsShownAtOnceNotWhenItsDeliveryComesRound() {
        ManualTaskRunner tasks = new ManualTaskRunner();
        PurchasesViewModel page = viewModel(tasks, PurchaseFixtures.clockAt(NOW));
        page.reload();
        Runnable delivery = tasks.runNewestHoldingDelivery();
        assertThat(page.shownRows()).isEmpty();
        assertThat(page.loadingProperty().get()).isTrue();

        page.showReadyResult();
        assertThat(page.shownRows()).hasSize(11);
        assertThat(page.countTextProperty().get()).isEqualTo("11 purchases");
        assertThat(page.loadingProperty().get()).isFalse();
        List<PurchaseRow> shown = List.copyOf(page.shownRows());

        // The delivery, when it comes, changes nothing more.
        delivery.run();
        assertThat(page.shownRows()).containsExactlyElementsOf(shown);
        assertThat(page.loadingProperty().get()).isFalse();
    }

    @Test
    void aReadHistoryThatANewerSearchReplacedIsNeverShownEarly() {
        ManualTaskRunner tasks = new ManualTaskRunner();
        PurchasesViewModel page = viewModel(tasks, PurchaseFixtures.clockAt(NOW));
        page.reload();
        tasks.runNewestHoldingDelivery();
        page.search("yale");

        page.showReadyResult();
        assertThat(page.shownRows()).as("the whole history, read before the search").isEmpty();
        assertThat(page.loadingProperty().get()).isTrue();
        tasks.runAll();
        assertThat(page.shownRows()).extracting(PurchaseRow::id).containsExactly("p01", "p05", "p10");
    }

    @Test
    void aStoreThatCannotBeReadIsSaidInWords() {
        store.close();
        vm.reload();
        assertThat(vm.statusTextProperty().get()).startsWith("Your purchases could not be read from this computer: ");
        assertThat(vm.statusToneProperty().get()).isEqualTo(Tone.DANGER);
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.shownRows()).as("what was shown stays").hasSize(11);
    }

    // ----- the chart -----

    @Test
    void aChartNotOnScreenIsMadeOnlyWhenShown() {
        vm.chartShownProperty().set(false);
        vm.chartGranularityProperty().set(SpendingChart.Granularity.YEAR);
        vm.search("machine");
        assertThat(vm.chartCurrencyProperty().get()).as("the choice still follows what is shown").isNull();
        assertThat(vm.chartBars()).as("not made while hidden").hasSize(28);

        vm.chartShownProperty().set(true);
        assertThat(vm.chartBars()).isEmpty();
        assertThat(vm.chartPlaceholderProperty().get()).isEqualTo("No paid purchases among those shown.");

        vm.chartShownProperty().set(false);
        vm.search("");
        vm.chartShownProperty().set(true);
        assertThat(vm.chartBars()).containsExactly(new ChartBar("2024", 39.0, "£39.00"),
                new ChartBar("2025", 0.0, "£0.00"), new ChartBar("2026", 86.97, "£86.97"));
        assertThat(vm.chartAxisLabelProperty().get()).isEqualTo("Paid (GBP)");
    }

    @Test
    void chartShowsPaidSpendingOfOneCurrencyByMonthOrYear() {
        assertThat(vm.chartCurrencies()).extracting(FilterOption::label).containsExactly("GBP", "EUR", "JPY", "USD");
        assertThat(vm.chartCurrencyProperty().get().label()).isEqualTo("GBP");
        assertThat(vm.chartAxisLabelProperty().get()).isEqualTo("Paid (GBP)");
        List<ChartBar> months = List.copyOf(vm.chartBars());
        assertThat(months).hasSize(28);
        assertThat(months.get(0)).isEqualTo(new ChartBar("Feb 2024", 39.0, "£39.00"));
        // April 2026: £9.99 + £7.99 + £29.99 (the refunded, failed and pending purchases are not spending).
        assertThat(months.get(26)).isEqualTo(new ChartBar("Apr 2026", 47.97, "£47.97"));
        assertThat(months.get(27)).isEqualTo(new ChartBar("May 2026", 39.0, "£39.00"));
        assertThat(months.get(23).value()).as("January 2026: only a refund").isZero();

        vm.chartGranularityProperty().set(SpendingChart.Granularity.YEAR);
        assertThat(vm.chartBars()).containsExactly(new ChartBar("2024", 39.0, "£39.00"),
                new ChartBar("2025", 0.0, "£0.00"), new ChartBar("2026", 86.97, "£86.97"));

        vm.chartCurrencyProperty().set(vm.chartCurrencies().get(2));
        vm.chartGranularityProperty().set(SpendingChart.Granularity.MONTH);
        assertThat(vm.chartBars()).containsExactly(new ChartBar("Jul 2025", 4900.0, "JP¥4,900"));
        assertThat(vm.chartAxisLabelProperty().get()).isEqualTo("Paid (JPY)");

        // The chart follows what is shown, and keeps the chosen currency while it has spending.
        vm.search("machine");
        assertThat(vm.chartCurrencyProperty().get()).isNull();
        assertThat(vm.chartBars()).isEmpty();
        assertThat(vm.chartPlaceholderProperty().get()).isEqualTo("No paid purchases among those shown.");
        vm.search("");
        assertThat(vm.chartCurrencyProperty().get().label()).isEqualTo("GBP");
        assertThat(vm.chartPlaceholderProperty().get()).isEmpty();
    }

    // ----- the detail pane -----

    private String positionOf(String id) {
        select(id);
        return vm.refundPositionTextProperty().get();
    }

    @Test
    void theRefundPositionInWords() {
        assertThat(positionOf("p01")).isEqualTo("Refundable until 19 May");
        assertThat(vm.refundPositionToneProperty().get()).isEqualTo(Tone.OK);
        assertThat(vm.canRequestRefundProperty().get()).isTrue();

        assertThat(positionOf("p02"))
                .isEqualTo("Not refundable: subscription payments are not refunded after the free trial");
        assertThat(vm.canRequestRefundProperty().get()).isFalse();
        assertThat(positionOf("p03")).isEqualTo("Bought in the App Store: ask Apple for a refund");
        assertThat(vm.canRequestRefundProperty().get()).isFalse();
        assertThat(positionOf("p04")).isEqualTo("Bought on Google Play: ask Google for a refund");
        assertThat(positionOf("p05")).isEqualTo("Already refunded on 24 January");
        assertThat(positionOf("p06")).isEqualTo("Not charged (failed)");
        assertThat(vm.refundPositionToneProperty().get()).isEqualTo(Tone.DANGER);
        assertThat(positionOf("p07")).isEqualTo("Payment pending");
        assertThat(vm.canRequestRefundProperty().get()).isFalse();
        assertThat(positionOf("p08")).isEqualTo("Not refundable: the 14-day refund window closed on 24 April");
        assertThat(vm.canRequestRefundProperty().get()).isFalse();
        assertThat(positionOf("p11")).isEqualTo("Not refundable: the 14-day refund window closed on 25 Feb 2024");
        assertThat(vm.refundRequestTextProperty().get()).isEmpty();
    }

    @Test
    void theDetailPaneHasEveryReceiptField() {
        select("p01");
        assertThat(vm.detailShownProperty().get()).isTrue();
        assertThat(vm.detailTitleProperty().get()).isEqualTo("Introduction to Psychology");
        assertThat(vm.detailSubtitleProperty().get()).isEqualTo("Yale University");
        assertThat(vm.detailFields()).containsExactly(
                new DetailField("Receipt number", "R-2026-P01"),
                new DetailField("Date", "5 May 2026, 13:00"),
                new DetailField("Type", "Course"),
                new DetailField("Kind", "One-off purchase"),
                new DetailField("Bought in", "Web"),
                new DetailField("Status", "Paid"),
                new DetailField("Paid with", "Visa •••• 4242"),
                new DetailField("Price before tax", "£32.50"),
                new DetailField("Tax", "£6.50"),
                new DetailField("Total", "£39.00"),
                new DetailField("Refundable until", "19 May 2026, 13:00"),
                new DetailField("Purchase ID", "p01"));

        select("p10");
        assertThat(vm.detailFields()).contains(new DetailField("Paid with", "PayPal a***@example.com"),
                new DetailField("Total", "US$49.00"));
        select("p05");
        assertThat(vm.detailFields()).contains(new DetailField("Refunded on", "24 Jan 2026, 10:00"),
                new DetailField("Paid with", "Visa •••• 4242"));
        // A refund window means something only while the purchase is paid.
        assertThat(vm.detailFields()).extracting(DetailField::label).doesNotContain("Refundable until");
        // Nothing was taken for a failed or pending payment: the card is not what it was "paid with".
        for (String unpaid : List.of("p06", "p07")) {
            select(unpaid);
            assertThat(vm.detailFields()).as(unpaid).contains(new DetailField("Payment method", "Visa •••• 4242"));
            assertThat(vm.detailFields()).as(unpaid).extracting(DetailField::label)
                    .doesNotContain("Paid with", "Refundable until");
        }
        select("p02");
        assertThat(vm.detailFields()).contains(new DetailField("Kind", "Subscription payment"));

        vm.select(null);
        assertThat(vm.detailShownProperty().get()).isFalse();
        assertThat(vm.detailFields()).isEmpty();
    }

    @Test
    void theSelectionFollowsThePurchaseThroughSearchesAndReloads() {
        select("p01");
        vm.search("yale");
        assertThat(vm.selectedProperty().get().id()).isEqualTo("p01");
        assertThat(vm.selectedProperty().get()).isSameAs(row("p01"));
        // Filtered out: the receipt stays on screen.
        vm.search("trello");
        assertThat(vm.detailTitleProperty().get()).isEqualTo("Introduction to Psychology");
        vm.reload();
        assertThat(vm.detailTitleProperty().get()).isEqualTo("Introduction to Psychology");
    }

    // ----- refund request -----

    @Test
    void theConfirmationStatesAmountRuleAndNamesTheAction() {
        select("p03");
        assertThat(vm.refundConfirmation()).as("an App Store purchase").isEmpty();
        select("p01");
        RefundConfirmation confirmation = vm.refundConfirmation().orElseThrow();
        assertThat(confirmation.header()).isEqualTo("Introduction to Psychology");
        assertThat(confirmation.message()).isEqualTo("£39.00 will be returned to Visa •••• 4242. Refunds are only "
                + "possible within 14 days of purchase; there are no partial refunds.");
        assertThat(confirmation.confirmLabel()).isEqualTo("Request refund of £39.00");
        assertThat(confirmation.reasonLabel()).isEqualTo("Why do you want a refund? (required, up to 500 characters)");

        assertThat(vm.isValidReason(null)).isFalse();
        assertThat(vm.isValidReason("")).isFalse();
        assertThat(vm.isValidReason("   \n ")).isFalse();
        assertThat(vm.isValidReason("x")).isTrue();
        assertThat(vm.isValidReason("x".repeat(500))).isTrue();
        assertThat(vm.isValidReason("x".repeat(501))).isFalse();
        assertThat(vm.isValidReason("  " + "😊".repeat(500) + "  ")).as("characters, not UTF-16 units").isTrue();
        assertThat(vm.reasonLengthText(" abc ")).isEqualTo("3/500");
    }

    @Test
    void refundingASubscriptionsFirstPaymentSaysItEndsTheSubscription() {
        Purchase first = PurchaseFixtures.purchase("s01").title("Machine Learning Specialization").price(3900, "GBP")
                .kind(PurchaseKind.SUBSCRIPTION_PAYMENT).purchasedAt(NOW.minus(PurchaseFixtures.DAY.multipliedBy(2)))
                .webWindow(14).build();
        try (LocalStore own = PurchaseFixtures.store(dir.resolve("first-payment"), List.of(first))) {
            ActionService actions = PurchaseFixtures.actions(own, PurchaseFixtures.clockAt(NOW), () -> { });
            PurchasesViewModel page = new PurchasesViewModel(new PurchaseHistoryService(own, actions, LONDON),
                    new PurchaseCsvExporter(LONDON), messages, formats, new ImmediateTaskRunner(),
                    PurchaseFixtures.clockAt(NOW), () -> { });
            page.reload();
            page.select(page.shownRows().get(0));

            assertThat(page.refundConfirmation().orElseThrow().message()).isEqualTo("£39.00 will be returned to "
                    + "Visa •••• 4242. Refunds are only possible within 14 days of purchase; there are no partial "
                    + "refunds. Refunding this first payment ends the subscription at once: you lose access now, "
                    + "and nothing more is charged.");
        }
        select("p01");
        assertThat(vm.refundConfirmation().orElseThrow().message()).as("a one-off purchase ends nothing")
                .doesNotContain("subscription");
    }

    @Test
    void aRefundRequestIsPendingThenConfirmed() {
        select("p01");
        vm.requestRefund("  Not what I expected  ");

        List<ActionRecord> history = store.read(new ActionDao()::history);
        assertThat(history).hasSize(1);
        assertThat(history.get(0).kind()).isEqualTo(ActionKind.REFUND);
        assertThat(history.get(0).targetId()).isEqualTo("p01");
        assertThat(history.get(0).requestJson()).isEqualTo("{\"reason\":\"Not what I expected\"}");
        assertThat(queued).as("sent at once when online").hasValue(1);
        assertThat(changes).as("the other screens are told").hasValue(1);
        // Sent at once here (online): it does not say "when you are online"; it says what
        // happens to the money.
        assertThat(vm.refundRequestTextProperty().get()).isEqualTo(
                "Refund of £39.00 to Visa •••• 4242 not yet confirmed by the provider — CourseDesk keeps sending it "
                        + "until the provider answers");
        assertThat(vm.refundRequestToneProperty().get()).isEqualTo(Tone.PENDING);
        assertThat(vm.canRequestRefundProperty().get()).isFalse();
        assertThat(vm.refundBusyProperty().get()).isFalse();
        assertThat(vm.cellText(PurchaseColumn.STATUS, row("p01"))).isEqualTo("Paid, refund requested");

        // The provider answers (as the sync engine records it), then the screen reloads.
        long actionId = history.get(0).id();
        Instant answeredAt = NOW.plusSeconds(60);
        Purchase refunded = PurchaseFixtures.purchase("p01").title("Introduction to Psychology")
                .partner("Yale University").price(3900, "GBP").purchasedAt(NOW.minus(PurchaseFixtures.DAY.multipliedBy(5)))
                .webWindow(14).status(PurchaseStatus.REFUNDED).refundedAt(answeredAt).version(2).build();
        store.write(c -> {
            new ActionDao().markSending(c, actionId, NOW);
            new PurchaseDao().upsertAll(c, List.of(refunded));
            new ActionDao().markConfirmed(c, actionId, new ActionAnswer(answeredAt, 200, null, null, "{}", answeredAt));
            return null;
        });
        vm.reload();
        assertThat(vm.refundPositionTextProperty().get()).isEqualTo("Already refunded on 10 May");
        assertThat(vm.refundRequestTextProperty().get())
                .isEqualTo("Refund request confirmed by the provider on 10 May 2026, 13:01");
        assertThat(vm.refundRequestToneProperty().get()).isEqualTo(Tone.OK);
        assertThat(vm.canRequestRefundProperty().get()).isFalse();
        assertThat(vm.cellText(PurchaseColumn.STATUS, row("p01"))).isEqualTo("Refunded");
        assertThat(vm.totalsTextProperty().get()).isEqualTo("Paid: £86.97 · €45.00 · JP¥4,900 · US$49.00 · Refunded: £78.00");
    }

    @Test
    void aRefusedRequestShowsTheProvidersReason() {
        select("p01");
        vm.requestRefund("Changed my mind");
        long actionId = store.read(new ActionDao()::history).get(0).id();
        store.write(c -> {
            new ActionDao().markRefused(c, actionId, new ActionAnswer(NOW.plusSeconds(5), 409, "not_refundable",
                    "The refund window closed on 2026-05-09.", null, NOW.plusSeconds(5)));
            return null;
        });
        vm.reload();
        assertThat(vm.refundRequestTextProperty().get())
                .isEqualTo("Refund request refused by the provider: The refund window closed on 2026-05-09.");
        assertThat(vm.refundRequestToneProperty().get()).isEqualTo(Tone.DANGER);
        assertThat(vm.refundPositionTextProperty().get()).isEqualTo("Refundable until 19 May");
        assertThat(vm.canRequestRefundProperty().get()).as("the local copy still allows asking again").isTrue();
    }

    @Test
    void whatTheOutboxRefusesIsSaidInPlainWords() {
        // The outbox's clock is past the window while the screen still shows it open.
        vm = viewModel(new ImmediateTaskRunner(), PurchaseFixtures.clockAt(NOW.plus(PurchaseFixtures.DAY.multipliedBy(30))));
        vm.reload();
        select("p01");
        vm.requestRefund("Please");
        assertThat(vm.actionErrorTextProperty().get()).isEqualTo("This purchase can no longer be refunded.");
        assertThat(vm.refundBusyProperty().get()).isFalse();
        assertThat(store.read(new ActionDao()::history)).isEmpty();
        assertThat(changes).hasValue(0);
    }

    @Test
    void anEarlierRequestStillWaitingIsSaidInPlainWords() {
        select("p01");
        PurchaseFixtures.actions(store, PurchaseFixtures.clockAt(NOW), () -> { }).requestRefund("p01", "From the CLI");
        vm.requestRefund("Again");
        assertThat(vm.actionErrorTextProperty().get())
                .isEqualTo("A refund request for this purchase is already waiting to be sent.");
        // The detail was read again: the waiting request now shows.
        assertThat(vm.refundRequestToneProperty().get()).isEqualTo(Tone.PENDING);
        assertThat(vm.canRequestRefundProperty().get()).isFalse();
    }

    @Test
    void anInvalidReasonQueuesNothing() {
        select("p01");
        vm.requestRefund("   ");
        assertThat(vm.actionErrorTextProperty().get()).isEqualTo("Give a reason of 1 to 500 characters.");
        assertThat(store.read(new ActionDao()::history)).isEmpty();
        select("p03");
        vm.requestRefund("An App Store purchase cannot be asked for here");
        assertThat(store.read(new ActionDao()::history)).isEmpty();
    }

    // ----- export -----

    @Test
    void exportsExactlyWhatIsShownInTheTablesOrder() throws Exception {
        vm.statusFilterProperty().set(option(vm.statusOptions(), PurchaseStatus.PAID));
        vm.sortBy(List.of(new ColumnSort(PurchaseColumn.AMOUNT, true)));
        List<String> shown = shownIds();
        assertThat(shown).hasSize(8);

        vm.exportCsv(dir.resolve("paid"));

        Path file = dir.resolve("paid.csv");
        List<CSVRecord> rows = PurchaseFixtures.readCsv(file);
        assertThat(rows).extracting(r -> r.get("purchase_id")).containsExactlyElementsOf(shown);
        assertThat(rows).extracting(r -> r.get("status")).containsOnly("paid");
        assertThat(rows).filteredOn(r -> r.get("purchase_id").equals("p09")).singleElement()
                .satisfies(r -> {
                    assertThat(r.get("title")).isEqualTo("機械学習入門");
                    assertThat(r.get("total")).isEqualTo("4900");
                    assertThat(r.get("currency")).isEqualTo("JPY");
                });
        assertThat(vm.statusTextProperty().get()).isEqualTo("Exported 8 purchases to paid.csv.");
        assertThat(vm.statusToneProperty().get()).isEqualTo(Tone.OK);
        assertThat(vm.exportBusyProperty().get()).isFalse();
        assertThat(vm.suggestedExportFileName()).isEqualTo("purchases-2026-05-10.csv");
    }

    @Test
    void aFailedExportIsSaidInWords() {
        vm.exportCsv(dir.resolve("no-such-folder").resolve("out.csv"));
        assertThat(vm.statusTextProperty().get()).startsWith("out.csv could not be written: ");
        assertThat(vm.statusToneProperty().get()).isEqualTo(Tone.DANGER);
        assertThat(vm.exportBusyProperty().get()).isFalse();
    }

    @Test
    void spanishWordsFromTheSameBundle() {
        Messages es = Messages.load(new Locale("es", "ES"));
        ActionService actions = PurchaseFixtures.actions(store, PurchaseFixtures.clockAt(NOW), () -> { });
        PurchasesViewModel spanish = new PurchasesViewModel(new PurchaseHistoryService(store, actions, LONDON),
                new PurchaseCsvExporter(LONDON), es, new Formats(new Locale("es", "ES"), LONDON, es),
                new ImmediateTaskRunner(), PurchaseFixtures.clockAt(NOW), () -> { });
        spanish.reload();
        spanish.select(spanish.shownRows().stream().filter(r -> r.id().equals("p01")).findFirst().orElseThrow());
        assertThat(spanish.refundPositionTextProperty().get()).isEqualTo("Reembolsable hasta el 19 de mayo");
        assertThat(spanish.countTextProperty().get()).isEqualTo("11 compras");
        assertThat(spanish.axisTickText(12500.5)).isEqualTo("12.500,5");
        assertThat(vm.axisTickText(12500.5)).isEqualTo("12,500.5");
        assertThat(spanish.refundConfirmation().orElseThrow().confirmLabel()).isEqualTo("Solicitar reembolso de 39,00\u00a0GBP");
    }
}
