package com.coursedesk.ui.paperwork;

import com.coursedesk.domain.Subscription;
import com.coursedesk.platform.ThemeChoice;
import com.coursedesk.ui.FxToolkitExtension;
import com.coursedesk.ui.account.AccountScreen;
import com.coursedesk.ui.common.Messages;
import com.coursedesk.ui.purchases.PurchasesScreen;
import com.coursedesk.ui.subscriptions.AdaOnSandbox;
import com.coursedesk.ui.subscriptions.SubscriptionsScreen;
import com.coursedesk.ui.upcoming.UpcomingScreen;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Month;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paperwork's buttons on the real screens, headless, over ada's account on a real sandbox:
 * the price history of her Coursera Plus (£299 then £319), the receipt button of the purchase
 * detail and the tax-year dialog, the calendar button of Upcoming, and the proof button of the
 * Account history. Saving itself goes through the native file dialog, which a headless test
 * cannot drive: {@code PaperworkViewModelTest} writes the files.
 */
@ExtendWith(FxToolkitExtension.class)
class PaperworkScreensTest {

    @TempDir
    Path dir;

    private AdaOnSandbox ada;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void signIn() {
        ada = AdaOnSandbox.start(dir);
    }

    @AfterEach
    void close() throws Exception {
        closeDialogs();
        FxToolkit.setupStage(stage -> stage.hide());
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(null));
        ada.close();
    }

    private Parent show(Function<com.coursedesk.ui.shell.AccountContext, Parent> screen, ThemeChoice theme)
            throws Exception {
        Parent[] root = new Parent[1];
        FxToolkit.setupStage(stage -> {
            ada.theme(theme);
            root[0] = screen.apply(ada.context());
            Scene scene = new Scene(root[0], 1024, 700);
            ada.themes().style(scene);
            stage.setScene(scene);
            stage.show();
            stage.toFront();
        });
        return root[0];
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }

    private <T extends Node> Optional<T> find(String query, Class<T> type) {
        return robot.lookup(query).tryQueryAs(type);
    }

    private Optional<Node> card(String title) {
        return robot.lookup(".card").queryAll().stream()
                .filter(card -> card.lookup("#titleLabel") instanceof Label label && title.equals(label.getText()))
                .findFirst();
    }

    /** Focuses the button (the page scrolls its card into view, as for a keyboard user), then clicks it. */
    private void click(Button button) {
        robot.interact(button::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(button);
    }

    private void closeDialogs() throws Exception {
        FxToolkitExtension.onFxThread(() -> {
            for (Window window : List.copyOf(Window.getWindows())) {
                if (window.getScene() != null && window.getScene().getRoot() instanceof DialogPane) {
                    window.hide();
                }
            }
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The dialog's window holds the whole of it: wrapped lines had left its buttons cut off. */
    private void assertButtonInsideItsWindow(String text) throws Exception {
        Button button = robot.lookup(".dialog-pane .button").match((Button b) -> text.equals(b.getText()))
                .queryButton();
        WaitForAsyncUtils.waitForFxEvents();
        double end = FxToolkitExtension.onFxThread(() -> button.localToScene(button.getLayoutBounds()).getMaxY());
        assertThat(end).as("the bottom of " + text)
                .isLessThanOrEqualTo(FxToolkitExtension.onFxThread(() -> button.getScene().getHeight()));
    }

    @Test
    void theCourseraPlusCardOpensItsPriceHistoryWithTheRiseMarked() throws Exception {
        show(SubscriptionsScreen::create, ThemeChoice.LIGHT);
        waitUntil(() -> card("Coursera Plus").isPresent());
        Button history = (Button) card("Coursera Plus").orElseThrow().lookup("#priceHistoryButton");
        assertThat(history.getText()).isEqualTo("Price history…");
        assertThat(history.getAccessibleText()).isEqualTo("Price history of Coursera Plus");
        // Every card has one, store subscriptions too: they have payments as well.
        assertThat(robot.lookup("#priceHistoryButton").queryAll()).hasSize(robot.lookup(".card").queryAll().size());

        click(history);
        waitUntil(() -> find("#priceTable", TableView.class).isPresent());

        assertThat(find("#summaryLabel", Label.class).orElseThrow().getText())
                .isEqualTo("2 payments; the price changed once.");
        @SuppressWarnings("unchecked")
        TableView<PriceHistoryModel.Row> table = find("#priceTable", TableView.class).orElseThrow();
        assertThat(table.getItems()).extracting(PriceHistoryModel.Row::amount).containsExactly("£299.00", "£319.00");
        assertThat(table.getItems().get(1).change()).isEqualTo("Price up from £299.00 (+£20.00)");
        assertThat(table.getItems().get(1).marked()).isTrue();
        assertThat(find("#priceChart", Node.class)).isPresent();
        robot.clickOn("Close");
        waitUntil(() -> find("#priceTable", TableView.class).isEmpty());

        // A free trial has no payments yet: said once, by the empty list.
        click((Button) card("Machine Learning Specialization").orElseThrow().lookup("#priceHistoryButton"));
        waitUntil(() -> find("#priceTable", TableView.class).isPresent());
        assertThat(find("#priceTable", TableView.class).orElseThrow().getItems()).isEmpty();
        assertThat(find("#summaryLabel", Label.class).orElseThrow().isVisible()).isFalse();
        assertThat(robot.lookup(".placeholder .label").queryAs(Label.class).getText())
                .isEqualTo("No payments of this subscription yet.");
        assertButtonInsideItsWindow("Close");
        robot.clickOn("Close");
        waitUntil(() -> find("#priceTable", TableView.class).isEmpty());
    }

    @Test
    void thePurchaseDetailSavesAReceiptAndThePageExportsATaxYear() throws Exception {
        show(PurchasesScreen::create, ThemeChoice.LIGHT);
        @SuppressWarnings("unchecked")
        TableView<Object> table = find("#table", TableView.class).orElseThrow();
        waitUntil(() -> !table.getItems().isEmpty());
        // The receipt pane joins the page with the first purchase chosen.
        assertThat(find("#receiptButton", Button.class)).isEmpty();

        robot.interact(() -> table.getSelectionModel().select(0));
        waitUntil(() -> find("#receiptButton", Button.class).map(b -> b.isVisible() && !b.isDisabled()).orElse(false));
        Button receipt = find("#receiptButton", Button.class).orElseThrow();
        assertThat(receipt.getText()).isEqualTo("Save receipt (PDF)…");

        robot.clickOn("#taxYearButton");
        waitUntil(() -> find("#taxYearBox", ComboBox.class).map(b -> !b.getItems().isEmpty()).orElse(false));
        @SuppressWarnings("unchecked")
        ComboBox<Integer> years = find("#taxYearBox", ComboBox.class).orElseThrow();
        int thisYear = Year.now(ada.formats().zone()).getValue();
        assertThat(years.getItems()).contains(thisYear, thisYear - 1);
        assertThat(years.getValue()).as("last year, the one usually declared").isEqualTo(thisYear - 1);
        assertButtonInsideItsWindow("Cancel");
        @SuppressWarnings("unchecked")
        ComboBox<Month> months = find("#startMonthBox", ComboBox.class).orElseThrow();
        robot.interact(() -> months.setValue(Month.APRIL));
        assertThat(find("#rangeLabel", Label.class).orElseThrow().getText()).isEqualTo("From 1 April " + (thisYear - 1)
                + " to 31 March " + thisYear + ", days counted in British Time.");
        assertButtonInsideItsWindow("Cancel");
        robot.clickOn("Cancel");
        waitUntil(() -> find("#taxYearBox", ComboBox.class).isEmpty());
    }

    /** The zone is said as the learner knows it, in their language; never as an id such as "Etc/UTC". */
    @Test
    void theTaxYearDialogNamesTheZoneAsTheLearnerKnowsIt() throws Exception {
        assertThat(taxYearRangeShown(Locale.UK, ZoneId.of("Etc/UTC")))
                .isEqualTo("From 1 January 2025 to 31 December 2025, days counted in UTC.")
                .doesNotContain("Etc/UTC");
        assertThat(taxYearRangeShown(Locale.US, ZoneId.of("Europe/Paris")))
                .isEqualTo("From January 1, 2025 to December 31, 2025, days counted in Central European Time.")
                .doesNotContain("Europe/Paris");
        assertThat(taxYearRangeShown(new Locale("es", "ES"), ZoneId.of("Europe/Paris")))
                .isEqualTo("Del 1 de enero de 2025 al 31 de diciembre de 2025, días contados en hora de Europa central.");
        assertThat(taxYearRangeShown(new Locale("es", "ES"), ZoneId.of("UTC")))
                .endsWith("días contados en UTC.");
    }

    /** The tax-year dialog's content on the stage for a learner with purchases in 2025 only. */
    private String taxYearRangeShown(Locale locale, ZoneId zone) throws Exception {
        Messages messages = Messages.load(locale);
        PaperworkViewModel viewModel = PaperworkTestViews.viewModel(messages, zone);
        FxToolkit.setupStage(stage -> {
            viewModel.years().setAll(2025);
            PaperworkDialogs.TaxYearChoice choice = new PaperworkDialogs.TaxYearChoice(viewModel, messages);
            stage.setScene(new Scene(new StackPane(choice.content), 640, 400));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Label range = find("#rangeLabel", Label.class).orElseThrow();
        assertThat(range.isVisible()).isTrue();
        return range.getText();
    }

    @Test
    void upcomingOffersTheCalendarFileAndTheAccountHistoryTheProof() throws Exception {
        show(UpcomingScreen::create, ThemeChoice.LIGHT);
        Button calendar = find("#calendarButton", Button.class).orElseThrow();
        assertThat(calendar.getText()).isEqualTo("Add to calendar (.ics)…");
        assertThat(calendar.isDisabled()).isFalse();
        assertThat(calendar.getTooltip()).as("made when first pointed at").isNull();
        robot.moveTo(calendar);
        waitUntil(() -> calendar.getTooltip() != null);
        assertThat(calendar.getTooltip().getText()).contains("Outlook, Apple Calendar or Google Calendar");

        Subscription cancelable = ada.local("Machine Learning Specialization");
        ada.session().actions().cancel(cancelable.id(), null, null);
        ada.syncNow();
        show(AccountScreen::create, ThemeChoice.LIGHT);
        Button proof = find("#saveProofButton", Button.class).orElseThrow();
        @SuppressWarnings("unchecked")
        TableView<Object> history = find("#historyTable", TableView.class).orElseThrow();
        waitUntil(() -> !history.getItems().isEmpty());
        assertThat(proof.isDisabled()).as("nothing chosen yet").isTrue();

        robot.interact(() -> history.getSelectionModel().select(0));

        waitUntil(() -> !proof.isDisabled());
        assertThat(proof.getText()).isEqualTo("Save proof (PDF)…");
    }

    /**
     * The screens with their paperwork, and the dialogs, as images for a look, in light and dark;
     * only when {@code -Dcoursedesk.screenshots.dir=DIR} is given.
     */
    @Test
    @EnabledIfSystemProperty(named = "coursedesk.screenshots.dir", matches = ".+")
    void screenshots() throws Exception {
        Path out = Path.of(System.getProperty("coursedesk.screenshots.dir"));
        Files.createDirectories(out);
        for (ThemeChoice theme : List.of(ThemeChoice.LIGHT, ThemeChoice.DARK)) {
            String suffix = "-" + theme.name().toLowerCase(Locale.ROOT) + ".png";
            Parent subscriptions = show(SubscriptionsScreen::create, theme);
            waitUntil(() -> card("Coursera Plus").isPresent());
            write(subscriptions, out.resolve("paperwork-subscriptions" + suffix));
            click((Button) card("Coursera Plus").orElseThrow().lookup("#priceHistoryButton"));
            waitUntil(() -> find("#priceTable", TableView.class).isPresent());
            write(robot.lookup(".dialog-pane").queryAs(DialogPane.class), out.resolve("paperwork-price-history" + suffix));
            closeDialogs();

            Parent purchases = show(PurchasesScreen::create, theme);
            @SuppressWarnings("unchecked")
            TableView<Object> table = find("#table", TableView.class).orElseThrow();
            waitUntil(() -> !table.getItems().isEmpty());
            robot.interact(() -> table.getSelectionModel().select(0));
            WaitForAsyncUtils.waitForFxEvents();
            write(purchases, out.resolve("paperwork-purchases" + suffix));
            robot.clickOn("#taxYearButton");
            waitUntil(() -> find("#taxYearBox", ComboBox.class).map(b -> b.getValue() != null).orElse(false));
            write(robot.lookup(".dialog-pane").queryAs(DialogPane.class), out.resolve("paperwork-tax-year" + suffix));
            closeDialogs();

            write(show(UpcomingScreen::create, theme), out.resolve("paperwork-upcoming" + suffix));
        }
    }

    private static void write(Node node, Path file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = FxToolkitExtension.onFxThread(() -> node.snapshot(null, null));
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(buffered, "png", file.toFile());
    }
}
