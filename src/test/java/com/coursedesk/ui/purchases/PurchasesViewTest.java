package com.coursedesk.ui.purchases;

import com.coursedesk.data.db.PurchaseDao;
import com.coursedesk.data.db.StoredPurchase;
import com.coursedesk.domain.Channel;
import com.coursedesk.domain.Money;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.PurchaseStatus;
import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.service.purchases.PurchaseFixtures;
import com.coursedesk.service.purchases.PurchaseTotals;
import com.coursedesk.service.sync.SyncStatus;
import com.coursedesk.ui.FxToolkitExtension;
import com.coursedesk.ui.common.Formats;
import com.coursedesk.ui.common.FxTaskRunner;
import com.coursedesk.ui.common.Messages;
import com.coursedesk.ui.common.TableHeaders;
import com.coursedesk.ui.common.UiThread;
import com.coursedesk.ui.shell.UiAccountFixture;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static com.coursedesk.ui.shell.UiAccountFixture.ADA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

/**
 * The purchase history in a real window, headless, over ada's account on a real sandbox: the
 * table, search, filters, sorting, totals, the detail pane's refund positions, a refund asked
 * for through the dialog and confirmed by the server, and the CSV export of what is shown.
 */
@ExtendWith(ApplicationExtension.class)
class PurchasesViewTest {

    @TempDir
    Path dir;

    /** The page's width in the app's default window (1180) beside the shell's navigation (190). */
    private static final double DEFAULT_PAGE_WIDTH = 990;

    private UiAccountFixture fx;
    private AccountSession session;
    private FxTaskRunner tasks;
    private Stage stage;
    private PurchasesViewModel viewModel;
    private TableView<PurchaseRow> table;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() throws Exception {
        fx = UiAccountFixture.start(dir);
        session = fx.signInOnDemo(fx.signInService(), ADA);
        assertThat(session.sync().syncNow().get(60, TimeUnit.SECONDS)).isInstanceOf(SyncStatus.Idle.class);
        tasks = new FxTaskRunner(2, UiThread.fx());
        FxToolkit.setupFixture(() -> {
            viewModel = PurchasesPageFixture.show(stage, fx, session, tasks,
                    PurchasesPageFixture.firedWhenPassesEnd(session), dir.resolve("settings")).viewModel();
        });
        await("the history is shown", () -> !viewModel.loadingProperty().get() && !viewModel.shownRows().isEmpty());
        table = (TableView<PurchaseRow>) stage.getScene().lookup("#table");
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(null));
        tasks.close();
        fx.close();
    }

    private static void await(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for: " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<Purchase> shown() throws Exception {
        return FxToolkitExtension.onFxThread(() -> table.getItems().stream().map(PurchaseRow::purchase).toList());
    }

    private List<StoredPurchase> stored() {
        return session.store().read(new PurchaseDao()::findAll);
    }

    private Purchase storedNamed(String title) {
        return stored().stream().map(StoredPurchase::purchase).filter(p -> p.product().title().equals(title))
                .findFirst().orElseThrow();
    }

    private void selectRow(FxRobot robot, String title) {
        robot.interact(() -> {
            int index = -1;
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).purchase().product().title().equals(title)) {
                    index = i;
                    break;
                }
            }
            assertThat(index).as("row %s", title).isNotNegative();
            table.scrollTo(index);
        });
        robot.clickOn(robot.lookup(".table-cell").match(hasText(title)).<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void theTableShowsAdasWholeHistory(FxRobot robot) throws Exception {
        List<StoredPurchase> all = stored();
        assertThat(all).hasSizeGreaterThan(40);
        assertThat(shown()).extracting(Purchase::id)
                .containsExactlyElementsOf(all.stream().map(s -> s.purchase().id()).toList());
        assertThat(robot.lookup(".table-cell").match(hasText("Introduction to Psychology")).tryQuery()).isPresent();
        assertThat(text(robot, "#countLabel")).isEqualTo(all.size() + " purchases");
    }

    @Test
    void typingNarrowsToTheSpanishTitleWithoutAccentsOrCase(FxRobot robot) throws Exception {
        robot.clickOn("#searchField").write("aprendizaje automatico");
        await("the search applies", () -> viewModel.shownRows().size() < 10);
        List<Purchase> shown = shown();
        assertThat(shown).isNotEmpty().allMatch(p -> p.product().title().equals("Aprendizaje Automático"));
        assertThat(shown).hasSize((int) stored().stream()
                .filter(s -> s.purchase().product().title().equals("Aprendizaje Automático")).count());
        assertThat(text(robot, "#totalsLabel")).startsWith("Paid: €");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyFilterChoiceShowsWholeInItsBox(FxRobot robot) throws Exception {
        // The boxes are sized from their choices' text (not by styling their menus): whichever
        // choice is picked, its words are all there, none cut short to "…".
        for (String id : List.of("#typeFilter", "#statusFilter", "#yearFilter", "#channelFilter")) {
            ChoiceBox<FilterOption<?>> box = (ChoiceBox<FilterOption<?>>) stage.getScene().lookup(id);
            List<FilterOption<?>> choices = FxToolkitExtension.onFxThread(() -> List.copyOf(box.getItems()));
            assertThat(choices).as(id).hasSizeGreaterThan(1);
            for (FilterOption<?> choice : choices) {
                robot.interact(() -> box.setValue(choice));
                WaitForAsyncUtils.waitForFxEvents();
                Text text = (Text) box.lookup(".label .text");
                Node arrow = box.lookup(".arrow");
                assertThat(FxToolkitExtension.onFxThread(text::getText)).as(id + " showing " + choice.label())
                        .isEqualTo(choice.label());
                // ...and clear of the arrow, which is drawn over the box's right end.
                double textEnd = FxToolkitExtension.onFxThread(() -> text.localToScene(text.getBoundsInLocal()).getMaxX());
                double arrowStart = FxToolkitExtension.onFxThread(
                        () -> arrow.localToScene(arrow.getBoundsInLocal()).getMinX());
                assertThat(textEnd).as(id + " showing " + choice.label()).isLessThan(arrowStart);
            }
            robot.interact(() -> box.setValue(choices.get(0)));
        }
    }

    @Test
    void dateAndReceiptColumnsHoldWholeValuesInEveryShippedLanguageDownToTheNarrowestWindow(FxRobot robot)
            throws Exception {
        // The narrowest window the app allows is 1000 wide; the page gets that less the shell's
        // navigation. Columns shrink to their minimum widths, never below.
        robot.interact(() -> stage.setWidth(810));
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<?, ?> cell = filledCell(robot, "Date");
        double room = textRoom(cell);
        Font font = FxToolkitExtension.onFxThread(cell::getFont);
        // English as written in the US and in Britain ("Sept"), Spanish in Spain and Mexico.
        for (Locale locale : List.of(Locale.US, Locale.UK, new Locale("es", "ES"), new Locale("es", "MX"))) {
            Formats formats = new Formats(locale, ZoneId.of("Europe/London"), Messages.load(locale));
            for (int month = 1; month <= 12; month++) {
                String date = formats.date(LocalDate.of(2026, month, 28));
                assertThat(textWidth(date, font)).as("\"%s\" (%s) in a date cell %.0f wide", date, locale, cell.getWidth())
                        .isLessThanOrEqualTo(room);
            }
        }
        // Receipt numbers differ in their last digits: a cut one hides which it is.
        List<TableCell<?, ?>> receipts = FxToolkitExtension.onFxThread(() -> robot.lookup(".table-cell")
                .match((TableCell<?, ?> c) -> !c.isEmpty() && c.getText() != null && c.getTableColumn() != null
                        && "Receipt".equals(c.getTableColumn().getText())).<TableCell<?, ?>>queryAll().stream()
                .toList());
        assertThat(receipts).isNotEmpty();
        for (TableCell<?, ?> receipt : receipts) {
            Text shown = (Text) receipt.lookup(".text");
            assertThat(FxToolkitExtension.onFxThread(shown::getText))
                    .isEqualTo(FxToolkitExtension.onFxThread(receipt::getText));
        }
        // Squeezed by hand below that, one keeps its end, which tells receipts apart.
        TableCell<?, ?> first = receipts.get(0);
        robot.interact(() -> first.getTableColumn().setMinWidth(70));
        robot.interact(() -> first.getTableColumn().setPrefWidth(70));
        WaitForAsyncUtils.waitForFxEvents();
        String whole = FxToolkitExtension.onFxThread(first::getText);
        String cut = FxToolkitExtension.onFxThread(() -> ((Text) first.lookup(".text")).getText());
        assertThat(cut).isNotEqualTo(whole).startsWith("R").endsWith(whole.substring(whole.length() - 2));
    }

    @Test
    void statusesHeadersAndTheSearchPromptAreWholeInEveryShippedLanguage(FxRobot robot) throws Exception {
        // The columns' widths come from the page, not the language: every language's words are
        // measured against them, in the fonts they are shown in.
        robot.interact(() -> stage.setWidth(DEFAULT_PAGE_WIDTH));
        WaitForAsyncUtils.waitForFxEvents();
        TextField search = robot.lookup("#searchField").queryAs(TextField.class);
        double searchRoom = FxToolkitExtension.onFxThread(() -> search.getWidth() - search.snappedLeftInset()
                - search.snappedRightInset());
        assertThat(FxToolkitExtension.onFxThread(() -> table.lookupAll(".column-header .label").size()))
                .isGreaterThanOrEqualTo(8);
        for (Locale language : Messages.SHIPPED_LANGUAGES) {
            Messages messages = Messages.load(language);
            String prompt = messages.get("purchases.search.prompt");
            assertThat(textWidth(prompt, search.getFont())).as("\"%s\" in the search box", prompt)
                    .isLessThanOrEqualTo(searchRoom);
            assertThat(FxToolkitExtension.onFxThread(() -> TableHeaders.tooNarrow(table,
                    column -> messages.get(TableHeaders.key("purchases.column.", column)))))
                    .as("headers cut in %s", language).isEmpty();
        }
        // The narrowest window: a single status is whole (a longer one, "Paid, refund requested",
        // shows whole on hover).
        robot.interact(() -> stage.setWidth(810));
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<?, ?> status = filledCell(robot, "Status");
        double room = textRoom(status);
        // Every column in view: the last ends before the rows' scroll bar begins.
        double columnsEnd = FxToolkitExtension.onFxThread(() -> {
            Node header = table.lookupAll(".column-header").stream()
                    .filter(node -> node instanceof TableColumnHeader h && h.getTableColumn() == table.getColumns()
                            .get(table.getColumns().size() - 1)).findFirst().orElseThrow();
            return header.localToScene(header.getLayoutBounds()).getMaxX();
        });
        double rowsBarStart = FxToolkitExtension.onFxThread(() -> {
            Node bar = table.lookupAll(".scroll-bar").stream().filter(node -> node instanceof ScrollBar scroll
                    && scroll.getOrientation() == Orientation.VERTICAL && scroll.isVisible()).findFirst().orElseThrow();
            return bar.localToScene(bar.getLayoutBounds()).getMinX();
        });
        assertThat(columnsEnd).as("the columns' least widths fit the narrowest page").isLessThanOrEqualTo(rowsBarStart + 0.5);
        for (Locale language : Messages.SHIPPED_LANGUAGES) {
            Messages messages = Messages.load(language);
            for (String key : List.of("paid", "pending", "failed", "refunded")) {
                String word = messages.get("purchases.status." + key);
                assertThat(textWidth(word, status.getFont())).as("\"%s\" in a status cell %.0f wide", word,
                        status.getWidth()).isLessThanOrEqualTo(room);
            }
        }
    }

    /** A filled cell of the column with this (English) title. */
    private static TableCell<?, ?> filledCell(FxRobot robot, String title) throws Exception {
        return FxToolkitExtension.onFxThread(() -> robot.lookup(".table-cell")
                .match((TableCell<?, ?> c) -> !c.isEmpty() && c.getTableColumn() != null
                        && title.equals(c.getTableColumn().getText())).<TableCell<?, ?>>query());
    }

    /** The width a cell's text has, inside its padding. */
    private static double textRoom(TableCell<?, ?> cell) throws Exception {
        return FxToolkitExtension.onFxThread(() -> cell.getWidth() - cell.snappedLeftInset() - cell.snappedRightInset());
    }

    private static double textWidth(String text, Font font) throws Exception {
        return FxToolkitExtension.onFxThread(() -> {
            Text measured = new Text(text);
            measured.setFont(font);
            return measured.getLayoutBounds().getWidth();
        });
    }

    @Test
    void filteringByStatusRefundedShowsOnlyRefundedRows(FxRobot robot) throws Exception {
        robot.clickOn("#statusFilter");
        // A choice box lists its choices in a context menu.
        robot.clickOn(robot.lookup(".context-menu .label").match(hasText("Refunded")).<Node>query());
        await("the filter applies", () -> viewModel.shownRows().stream()
                .allMatch(r -> r.purchase().status() == PurchaseStatus.REFUNDED));
        long refunded = stored().stream().filter(s -> s.purchase().status() == PurchaseStatus.REFUNDED).count();
        assertThat(refunded).isGreaterThanOrEqualTo(2);
        assertThat(shown()).hasSize((int) refunded).allMatch(p -> p.status() == PurchaseStatus.REFUNDED);
        assertThat(text(robot, "#totalsLabel")).startsWith("Nothing paid · Refunded: £");
        Button clear = robot.lookup("#clearFiltersButton").queryButton();
        assertThat(clear.isDisabled()).isFalse();
        robot.clickOn(clear);
        await("all again", () -> viewModel.shownRows().size() == stored().size());
    }

    /** Waits until the table's rows are in this order: the view-model sorts them off the FX thread. */
    private List<PurchaseRow> awaitSorted(String what, Comparator<PurchaseRow> order) throws Exception {
        await(what, () -> FxToolkitExtension.onFxThread(() -> {
            List<PurchaseRow> rows = table.getItems();
            for (int i = 1; i < rows.size(); i++) {
                if (order.compare(rows.get(i - 1), rows.get(i)) > 0) {
                    return false;
                }
            }
            return true;
        }));
        return FxToolkitExtension.onFxThread(() -> List.copyOf(table.getItems()));
    }

    @Test
    void clickingAColumnHeaderSortsByIt(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(".column-header .label").match(hasText("Product")).<Node>query());
        List<PurchaseRow> rows = awaitSorted("sorted by product", viewModel.comparator(PurchaseColumn.PRODUCT));
        assertThat(rows.get(0).purchase().product().title()).isEqualTo("Algorithms, Part I");
        assertThat(viewModel.sortOrder()).containsExactly(new ColumnSort(PurchaseColumn.PRODUCT, true));

        robot.clickOn(robot.lookup(".column-header .label").match(hasText("Amount")).<Node>query());
        rows = awaitSorted("sorted by amount", viewModel.comparator(PurchaseColumn.AMOUNT));
        // Within one currency by amount: CNY first (alphabetically), then EUR, GBP, JPY, USD, never converted.
        assertThat(rows.get(0).purchase().total().currency().getCurrencyCode()).isEqualTo("CNY");
        assertThat(rows.get(rows.size() - 1).purchase().total().currency().getCurrencyCode()).isEqualTo("USD");

        robot.clickOn(robot.lookup(".column-header .label").match(hasText("Amount")).<Node>query());
        awaitSorted("sorted by amount, descending", viewModel.comparator(PurchaseColumn.AMOUNT).reversed());
        assertThat(viewModel.sortOrder()).containsExactly(new ColumnSort(PurchaseColumn.AMOUNT, false));

        robot.clickOn(robot.lookup(".column-header .label").match(hasText("Date")).<Node>query());
        awaitSorted("sorted by date", viewModel.comparator(PurchaseColumn.DATE));
        List<Instant> dates = shown().stream().map(Purchase::purchasedAt).toList();
        assertThat(dates).isSorted();
    }

    @Test
    void theSpendingChartIsMadeWhenItsTabIsFirstShown(FxRobot robot) {
        assertThat(robot.lookup("#chart").tryQuery()).as("not made at start-up").isEmpty();

        robot.clickOn(robot.lookup(".tab-label").match(hasText("Spending")).<Node>query());
        await("the chart is drawn", () -> robot.lookup(".chart-bar").queryAll().size() > 0);
        assertThat(robot.lookup("#chart").tryQuery()).isPresent();
        // The note under the controls starts where they start, at any width (it had wrapped,
        // indented, inside their row).
        Node note = robot.lookup("#paidOnlyNote").query();
        Node controls = robot.lookup("#byMonthButton").<Node>query().getParent();
        assertThat(note.localToScene(note.getLayoutBounds()).getMinX())
                .isCloseTo(controls.localToScene(controls.getLayoutBounds()).getMinX(), within(0.5));
        // One bar per period (the hidden legend's symbol also carries the style class).
        assertThat(robot.lookup(".chart-bar").queryAll().stream()
                .filter(bar -> !bar.getStyleClass().contains("bar-legend-symbol")).count())
                .isEqualTo(viewModel.chartBars().size());
    }

    @Test
    void hoveringATitleATypeOrAReceiptNumberShowsTheWholeOfIt(FxRobot robot) throws Exception {
        for (String column : List.of("Product", "Type", "Status", "Receipt")) {
            TableCell<?, ?> cell = robot.lookup(".table-cell").match((TableCell<?, ?> c) -> !c.isEmpty()
                    && c.getTableColumn() != null && column.equals(c.getTableColumn().getText())).query();
            String whole = cell.getText();
            assertThat(cell.getTooltip()).as(column + ": made on the first hover, not before").isNull();

            robot.moveTo(cell);
            await("the tooltip is installed", () -> cell.getTooltip() != null);
            assertThat(cell.getTooltip().getText()).as(column).isEqualTo(whole);
        }
    }

    @Test
    void theTotalsLabelSumsEachCurrencyApart(FxRobot robot) {
        PurchaseTotals totals = PurchaseTotals.of(stored().stream().map(StoredPurchase::purchase).toList());
        String label = text(robot, "#totalsLabel");
        assertThat(totals.paid()).extracting(m -> m.currency().getCurrencyCode())
                .contains("GBP", "USD", "EUR", "JPY", "CNY");
        StringBuilder expected = new StringBuilder("Paid: ");
        for (int i = 0; i < totals.paid().size(); i++) {
            expected.append(i == 0 ? "" : " · ").append(fx.formats().money(totals.paid().get(i)));
        }
        assertThat(label).startsWith(expected.toString()).startsWith("Paid: £").contains(" · US$", " · CN¥");
        Money gbp = totals.paid().get(0);
        assertThat(gbp.currency().getCurrencyCode()).isEqualTo("GBP");
        assertThat(label).contains(" · Refunded: £");
    }

    @Test
    void theDetailPaneSaysWhereEachPurchaseStandsOnRefunds(FxRobot robot) {
        Purchase psychology = storedNamed("Introduction to Psychology");
        selectRow(robot, "Introduction to Psychology");
        assertThat(text(robot, "#detailTitle")).isEqualTo("Introduction to Psychology");
        assertThat(text(robot, "#refundPositionLabel"))
                .isEqualTo("Refundable until " + fx.formats().dayMonth(psychology.refundableUntil()));
        assertThat(robot.lookup("#refundPositionLabel").queryAs(Label.class).getStyleClass()).contains("status-ok");
        Button refund = robot.lookup("#refundButton").queryButton();
        assertThat(refund.isVisible()).isTrue();
        assertThat(refund.isDisabled()).isFalse();
        assertThat(robot.lookup(".label").match(hasText("Visa •••• 4242")).tryQuery()).isPresent();

        Purchase appStore = storedNamed("Learning How to Learn");
        assertThat(appStore.channel()).isEqualTo(Channel.APP_STORE);
        selectRow(robot, "Learning How to Learn");
        assertThat(text(robot, "#refundPositionLabel")).isEqualTo("Bought in the App Store: ask Apple for a refund");
        assertThat(refund.isVisible()).as("no Request refund button of our own").isFalse();

        selectRow(robot, "Getting Started with Trello");
        assertThat(text(robot, "#refundPositionLabel")).isEqualTo("Bought on Google Play: ask Google for a refund");
        assertThat(refund.isVisible()).isFalse();
    }

    @Test
    void theReceiptStaysWhileASearchHidesItsRowAndTheTableNeverHighlightsAnother(FxRobot robot) throws Exception {
        selectRow(robot, "Introduction to Psychology");
        robot.clickOn("#searchField").write("trello");
        await("the search applies", () -> viewModel.shownRows().size() == 1);
        assertThat(text(robot, "#detailTitle")).isEqualTo("Introduction to Psychology");
        assertThat(FxToolkitExtension.onFxThread(() -> table.getSelectionModel().getSelectedItem())).isNull();

        selectRow(robot, "Getting Started with Trello");
        assertThat(text(robot, "#detailTitle")).isEqualTo("Getting Started with Trello");
        robot.doubleClickOn("#searchField").eraseText(6).write("psychology");
        await("the search applies", () -> viewModel.shownRows().stream()
                .allMatch(r -> r.purchase().product().title().contains("Psychology")));
        assertThat(FxToolkitExtension.onFxThread(() -> table.getSelectionModel().getSelectedItem())).isNull();
        assertThat(text(robot, "#detailTitle")).isEqualTo("Getting Started with Trello");
    }

    @Test
    void aRefundRequestedThroughTheDialogIsConfirmedByTheServer(FxRobot robot) throws Exception {
        Purchase psychology = storedNamed("Introduction to Psychology");
        selectRow(robot, "Introduction to Psychology");
        robot.clickOn("#refundButton");
        WaitForAsyncUtils.waitForFxEvents();

        Button confirm = robot.lookup("#confirmRefundButton").queryButton();
        assertThat(confirm.getText()).isEqualTo("Request refund of £39.00");
        assertThat(confirm.isDisabled()).as("a reason is required").isTrue();
        assertThat(robot.lookup(".label").match(hasText("£39.00 will be returned to Visa •••• 4242. Refunds are only "
                + "possible within 14 days of purchase; there are no partial refunds.")).tryQuery()).isPresent();
        robot.clickOn("#refundReason").write("Not what I expected");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(confirm.isDisabled()).isFalse();
        robot.clickOn(confirm);

        // The server refunded it (read with a client of its own)...
        await("the server refunds", () -> fx.server().serverState(ADA).purchases().get(psychology.id()).status()
                == PurchaseStatus.REFUNDED);
        // ...and the screen shows the provider's answer.
        await("the screen shows the confirmation", () -> viewModel.refundRequestTextProperty().get()
                .startsWith("Refund request confirmed by the provider on "));
        assertThat(text(robot, "#refundPositionLabel")).startsWith("Already refunded on ");
        assertThat(robot.lookup("#refundButton").queryButton().isVisible()).isFalse();
        Purchase local = storedNamed("Introduction to Psychology");
        assertThat(local.status()).isEqualTo(PurchaseStatus.REFUNDED);
        assertThat(fx.server().serverState(ADA).purchases().get(psychology.id()).refundedAt()).isNotNull();
    }

    @Test
    void aRefundCanBeAskedForWithTheKeyboardAloneTabLeavesTheReason(FxRobot robot) throws Exception {
        Purchase psychology = storedNamed("Introduction to Psychology");
        selectRow(robot, "Introduction to Psychology");
        robot.interact(() -> robot.lookup("#refundButton").queryButton().requestFocus());
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        TextArea reason = robot.lookup("#refundReason").queryAs(TextArea.class);
        assertThat(reason.isFocused()).as("the dialog opens in its reason").isTrue();
        // The headless robot types into the window it last clicked: the dialog's, here.
        robot.clickOn(reason).write("Not what I expected");

        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(reason.getText()).as("Tab types no tab").isEqualTo("Not what I expected");
        assertThat(reason.isFocused()).as("Tab leaves the reason").isFalse();
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(reason.isFocused()).as("Shift+Tab comes back").isTrue();

        Button confirm = robot.lookup("#confirmRefundButton").queryButton();
        for (int i = 0; i < 3 && !confirm.isFocused(); i++) {
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(confirm.isFocused()).as("Tab reaches the confirm button").isTrue();
        robot.type(KeyCode.SPACE);

        await("the server refunds", () -> fx.server().serverState(ADA).purchases().get(psychology.id()).status()
                == PurchaseStatus.REFUNDED);
        assertThat(fx.server().serverState(ADA).purchases().get(psychology.id()).status())
                .isEqualTo(PurchaseStatus.REFUNDED);
    }

    @Test
    void exportsWhatIsShownToCsv(FxRobot robot) throws Exception {
        robot.clickOn("#searchField").write("大学");
        await("the search applies", () -> viewModel.shownRows().size() < 10);
        robot.clickOn(robot.lookup(".column-header .label").match(hasText("Amount")).<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
        List<Purchase> shown = shown();
        assertThat(shown).extracting(p -> p.product().partner()).containsOnly("東京大学", "北京大学");

        Path file = dir.resolve("export.csv");
        robot.interact(() -> viewModel.exportCsv(file));
        await("the export ends", () -> !viewModel.exportBusyProperty().get() && Files.exists(file));
        assertThat(text(robot, "#statusLabel")).isEqualTo("Exported " + shown.size() + " purchases to export.csv.");

        List<CSVRecord> rows = PurchaseFixtures.readCsv(file);
        assertThat(rows).extracting(r -> r.get("purchase_id")).containsExactlyElementsOf(shown.stream().map(Purchase::id).toList());
        assertThat(rows).extracting(r -> r.get("title")).containsOnly("機械学習入門", "数据科学基础");
        CSVRecord first = rows.get(0);
        assertThat(first.get("currency")).isEqualTo("CNY");
        assertThat(first.get("total")).isEqualTo("299.00");
        ZoneId zone = fx.formats().zone();
        assertThat(first.get("date")).isEqualTo(shown.get(0).purchasedAt().atZone(zone).toLocalDate().toString());
        assertThat(rows.get(rows.size() - 1).get("currency")).isEqualTo("JPY");
        assertThat(rows.get(rows.size() - 1).get("total")).isEqualTo("4900");
    }
}
