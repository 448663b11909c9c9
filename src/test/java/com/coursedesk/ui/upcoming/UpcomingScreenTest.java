package com.coursedesk.ui.upcoming;

import com.coursedesk.domain.Subscription;
import com.coursedesk.platform.ThemeChoice;
import com.coursedesk.ui.FxToolkitExtension;
import com.coursedesk.ui.subscriptions.AdaOnSandbox;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Upcoming page in a real window, headless, over Ada's account on a real sandbox: her coming
 * payments in date order, the reminders within the lead time at the top, "Got it", and the lead
 * time changed on the page.
 */
@ExtendWith(FxToolkitExtension.class)
class UpcomingScreenTest {

    @TempDir
    Path dir;

    private AdaOnSandbox ada;
    private final FxRobot robot = new FxRobot();
    private LocalDate reminderDay;

    @BeforeEach
    void show() throws Exception {
        ada = AdaOnSandbox.start(dir);
        // A reminder the learner set when pausing Google Data Analytics (set to end in Ada's data).
        Subscription paused = ada.local("Google Data Analytics Professional Certificate");
        reminderDay = paused.currentPeriodEnd().atZone(ada.formats().zone()).toLocalDate().plusDays(20);
        ada.settings().put("reminder.restart." + paused.id(), reminderDay.toString());
        FxToolkit.setupStage(stage -> {
            ada.theme(ThemeChoice.LIGHT);
            Parent root = UpcomingScreen.create(ada.context());
            Scene scene = new Scene(root, 1024, 700);
            ada.themes().style(scene);
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !events().isEmpty());
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.setupStage(stage -> stage.hide());
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(null));
        ada.close();
    }

    @SuppressWarnings("unchecked")
    private List<UpcomingItem> events() {
        return List.copyOf(robot.lookup("#eventsList").queryAs(ListView.class).getItems());
    }

    private List<String> reminderLines() {
        return robot.lookup("#remindersList").queryAs(javafx.scene.layout.VBox.class).getChildren().stream()
                .map(row -> ((javafx.scene.layout.HBox) row).getChildren().stream()
                        .filter(Label.class::isInstance).map(n -> ((Label) n).getText()).findFirst().orElse(""))
                .toList();
    }

    private UpcomingItem event(String what, String title) {
        return events().stream().filter(e -> e.what().equals(what) && e.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + what + "' for " + title + " in " + events()));
    }

    @Test
    void listsAdasTrialConversionAndRenewalsInDateOrder() {
        List<UpcomingItem> events = events();

        UpcomingItem trial = event("Free trial ends: first payment", "Machine Learning Specialization");
        assertThat(trial.amount()).isEqualTo("£39.00");
        assertThat(trial.relative()).isIn("in 3 days", "in 4 days");
        assertThat(event("Renewal", "Coursera Plus").amount()).isEqualTo("£319.00");
        assertThat(event("Renewal", "IBM Data Science Professional Certificate").amount()).isEqualTo("£39.00");
        assertThat(event("Renewal", "Python for Everybody").amount()).isEqualTo("£35.00");
        assertThat(event("Renewal", "機械学習入門").amount()).isEqualTo("JP¥4,900");
        assertThat(event("Failed payment tried again", "Deep Learning Specialization").amount()).isEqualTo("US$49.00");
        assertThat(event("Access ends; nothing more is charged", "Google Data Analytics Professional Certificate")
                .amount()).isNull();
        assertThat(event("Last moment to ask for a refund", "Introduction to Psychology").amount())
                .endsWith("refundable");
        assertThat(event("Your reminder to restart", "Google Data Analytics Professional Certificate").date())
                .isEqualTo(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.UK)
                        .format(reminderDay));
        assertThat(events).noneMatch(e -> e.title().equals("Aprendizaje Automático"));

        // In date order: each event's day is no earlier than the one before it.
        List<LocalDate> days = events.stream().map(e -> LocalDate.parse(e.date(),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.UK))).toList();
        assertThat(days).isSorted();
        assertThat(events.indexOf(trial)).isLessThan(events.indexOf(event("Renewal", "Coursera Plus")));
    }

    @Test
    void remindersWithinTheLeadTimeShowAtTheTopAndGotItDismissesThemForGood() throws Exception {
        assertThat(robot.lookup("#remindersTitle").queryAs(Label.class).getText()).isEqualTo("Coming up within 3 days");
        assertThat(reminderLines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("Failed payment tried again: Deep Learning Specialization — in 2 days"));

        Button gotIt = robot.lookup(".got-it").queryAs(Button.class);
        assertThat(gotIt.getText()).isEqualTo("Got it");
        assertThat(gotIt.getAccessibleText()).isEqualTo("Dismiss the reminder for Deep Learning Specialization");
        String dismissed = (String) gotIt.getUserData();
        robot.clickOn(gotIt);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> reminderLines().isEmpty());
        assertThat(robot.lookup("#remindersBox").query().isVisible()).isFalse();
        assertThat(events()).extracting(UpcomingItem::id).as("still listed").contains(dismissed);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> ada.settings().get("upcoming.dismissed").orElse("").contains(dismissed));
    }

    @Test
    void aLongerLeadTimeChosenOnThePageShowsMoreRemindersAndIsKept() throws Exception {
        @SuppressWarnings("unchecked")
        Spinner<Integer> spinner = robot.lookup("#leadDaysSpinner").queryAs(Spinner.class);
        assertThat(spinner.getValue()).isEqualTo(3);

        robot.clickOn(spinner.getEditor()).eraseText(1).write("5").type(javafx.scene.input.KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> reminderLines().size() == 2);
        assertThat(robot.lookup("#remindersTitle").queryAs(Label.class).getText()).isEqualTo("Coming up within 5 days");
        assertThat(reminderLines().get(1)).startsWith("Free trial ends: first payment: Machine Learning Specialization");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ada.settings().reminderDays() == 5);
    }

    @Test
    void theListIsLabelledForScreenReaders() {
        Node cell = robot.lookup("#eventsList .list-cell").query();
        assertThat(cell.getAccessibleText()).isNotBlank().contains(",");
    }
}
