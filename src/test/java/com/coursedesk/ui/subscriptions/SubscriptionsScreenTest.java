package com.coursedesk.ui.subscriptions;

import com.coursedesk.domain.Subscription;
import com.coursedesk.domain.SubscriptionStatus;
import com.coursedesk.platform.ThemeChoice;
import com.coursedesk.ui.FxToolkitExtension;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Manage subscriptions page in a real window, headless, over Ada's account on a real
 * sandbox: her seeded states in words, no actions of ours on store subscriptions, cancel,
 * restart and pause end to end through their dialogs with the server's state checked by a
 * client of its own, and an action taken while the provider is down.
 */
@ExtendWith(FxToolkitExtension.class)
class SubscriptionsScreenTest {

    static final String TRIAL = "Machine Learning Specialization";
    static final String PLUS = "Coursera Plus";
    static final String SET_TO_END = "Google Data Analytics Professional Certificate";
    static final String PAST_DUE = "Deep Learning Specialization";
    static final String ENDED = "Aprendizaje Automático";
    static final String APP_STORE = "IBM Data Science Professional Certificate";
    static final String GOOGLE_PLAY = "Python for Everybody";
    static final String JAPANESE = "機械学習入門";

    @TempDir
    Path dir;

    private AdaOnSandbox ada;
    private PhraseRenderer words;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void show() throws Exception {
        ada = AdaOnSandbox.start(dir);
        words = new PhraseRenderer(ada.messages(), ada.formats());
        FxToolkit.setupStage(stage -> {
            ada.theme(ThemeChoice.LIGHT);
            Parent root = SubscriptionsScreen.create(ada.context());
            Scene scene = new Scene(root, 1024, 700);
            ada.themes().style(scene);
            stage.setScene(scene);
            stage.show();
            stage.toFront();
        });
        awaitText(TRIAL, "statusLine", s -> s.startsWith("Free trial"));
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.setupStage(stage -> stage.hide());
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(null));
        ada.close();
    }

    // ----- looking at cards -----

    private Optional<Node> card(String title) {
        return robot.lookup(".card").queryAll().stream()
                .filter(card -> card.lookup("#titleLabel") instanceof Label label && title.equals(label.getText()))
                .findFirst();
    }

    private Optional<String> text(String title, String line) {
        return card(title).map(card -> card.lookup("#" + line)).filter(Label.class::isInstance)
                .map(node -> ((Label) node).getText());
    }

    private void awaitText(String title, String line, java.util.function.Predicate<String> wanted) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text(title, line).filter(wanted).isPresent());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("The card of " + title + " never showed the expected #" + line + "; it shows: "
                    + text(title, line).orElse("(no such line)") + "; the page says: "
                    + robot.lookup("#messageLabel").queryAs(Label.class).getText() + "; actions: "
                    + ada.session().actions().history(), e);
        }
    }

    private Optional<Button> button(String title, String id) {
        return card(title).map(card -> card.lookup("#" + id)).filter(Button.class::isInstance).map(Button.class::cast);
    }

    private String day(Instant instant) {
        return words.date(instant.atZone(ada.formats().zone()).toLocalDate(), Instant.now());
    }

    /** Tabs to the button (the page scrolls its card into view, as for a keyboard user), then clicks it. */
    private void click(Button button) {
        robot.interact(button::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        // The page's own scroll-on-focus may still be settling on a loaded machine: make sure.
        robot.interact(() -> scrollIntoView(button));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(button);
    }

    private static void scrollIntoView(javafx.scene.Node node) {
        for (javafx.scene.Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane pane && pane.getContent() != null) {
                javafx.scene.Node content = pane.getContent();
                javafx.geometry.Bounds inContent = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                double hidden = content.getBoundsInLocal().getHeight() - pane.getViewportBounds().getHeight();
                if (hidden > 0) {
                    pane.setVvalue(Math.max(0, Math.min(1, (inContent.getMinY() - 20) / hidden)));
                    pane.layout();
                }
                return;
            }
        }
    }

    // ----- what is shown -----

    @Test
    void everyCardSaysAdasSeededStateInPlainWords() {
        Subscription trial = ada.local(TRIAL);
        Subscription plus = ada.local(PLUS);
        Subscription setToEnd = ada.local(SET_TO_END);
        Subscription ended = ada.local(ENDED);

        assertThat(text(TRIAL, "statusLine")).hasValue("Free trial — first payment of £39.00 on "
                + day(trial.trialEndsAt()));
        assertThat(text(PLUS, "statusLine")).hasValue("Renews on " + day(plus.nextPaymentAt()) + " for £319.00");
        assertThat(text(PLUS, "planLabel")).hasValue("Yearly · £319.00");
        assertThat(text(TRIAL, "planLabel")).hasValue("Monthly · £39.00");
        assertThat(text(TRIAL, "partnerLabel")).hasValue("DeepLearning.AI & Stanford University");
        assertThat(text(SET_TO_END, "statusLine")).hasValue("Canceled — access until "
                + day(setToEnd.currentPeriodEnd()) + ", no further payments");
        assertThat(text(PAST_DUE, "statusLine")).hasValueSatisfying(s ->
                assertThat(s).startsWith("Payment problem — the provider is retrying the payment"));
        assertThat(text(ENDED, "statusLine")).hasValue("Ended on " + day(ended.endedAt()));
        assertThat(text(APP_STORE, "statusLine")).hasValue("Bought in the App Store — manage it there");
        assertThat(text(GOOGLE_PLAY, "statusLine")).hasValue("Bought on Google Play — manage it there");
        assertThat(text(APP_STORE, "detailLine")).hasValueSatisfying(s -> assertThat(s).startsWith("Renews on"));
        assertThat(text(JAPANESE, "statusLine")).hasValueSatisfying(s -> assertThat(s).endsWith("for JP¥4,900"));
        assertThat(robot.lookup(".card").queryAll()).hasSize(8);
    }

    @Test
    void storeSubscriptionsOfferNoButtonsOfOurs() {
        for (String store : List.of(APP_STORE, GOOGLE_PLAY)) {
            assertThat(card(store)).as(store).isPresent();
            for (String id : List.of("cancelButton", "pauseButton", "restartButton", "actionButtons")) {
                assertThat(card(store).map(c -> c.lookup("#" + id))).as("%s has no #%s", store, id).isEmpty();
            }
        }
        // The web ones do have theirs.
        assertThat(button(PLUS, "cancelButton")).isPresent();
        assertThat(button(PLUS, "pauseButton")).isPresent();
        assertThat(button(SET_TO_END, "restartButton").map(Button::getText)).hasValue("Keep my subscription…");
        assertThat(button(ENDED, "restartButton").map(Button::getText)).hasValue("Restart…");
    }

    // ----- acting -----

    private void chooseReason(String label) {
        ComboBox<?> reasons = robot.lookup("#reasonBox").queryAs(ComboBox.class);
        robot.clickOn(reasons);
        Node cell = robot.lookup(".list-cell").queryAll().stream()
                .filter(c -> c instanceof ListCell<?> lc && label.equals(lc.getText()) && c.isVisible())
                .findFirst().orElseThrow(() -> new AssertionError("no reason " + label + " in the list"));
        robot.clickOn(cell);
        assertThat(reasons.getValue()).hasToString(label);
    }

    private String dialogTerms() {
        return robot.lookup("#termsLabel").queryAs(Label.class).getText();
    }

    private Button dialogButton(String id) {
        return robot.lookup("#" + id).queryAs(Button.class);
    }

    /** Presses a dialog's button once its window has settled, and checks that the dialog closed. */
    private void press(String id) throws Exception {
        Button button = dialogButton(id);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> button.getScene() != null
                && button.getScene().getWindow() != null && button.getScene().getWindow().isShowing());
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.stage.Window dialog = button.getScene().getWindow();
        robot.clickOn(button);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !dialog.isShowing());
    }

    @Test
    void cancelThroughTheDialogThenKeepTheSubscriptionWithinThePeriod() throws Exception {
        Subscription before = ada.local(PLUS);
        String until = day(before.currentPeriodEnd());

        click(button(PLUS, "cancelButton").orElseThrow());
        assertThat(dialogTerms()).contains("until the current period ends on " + until).contains("no partial refunds");
        assertThat(dialogButton("confirmButton").getText()).isEqualTo("Cancel my subscription");
        assertThat(dialogButton("keepButton").getText()).isEqualTo("Keep subscription");
        assertThat(dialogButton("keepButton").isDefaultButton()).as("Enter keeps it").isTrue();
        chooseReason("It costs too much");
        Label terms = robot.lookup("#termsLabel").queryAs(Label.class);
        assertThat(terms.getWidth()).as("the terms wrap at the width of the fields below them")
                .isCloseTo(robot.lookup("#reasonBox").queryAs(ComboBox.class).getWidth(), within(1.0));
        robot.clickOn("#commentArea").write("Back next term");
        press("confirmButton");

        awaitText(PLUS, "actionLine", s -> s.endsWith("— confirmed by the provider"));
        ada.syncNow();
        awaitText(PLUS, "statusLine", s -> s.equals("Canceled — access until " + until + ", no further payments"));
        Subscription canceled = ada.onServer(before.id());
        assertThat(canceled.cancelAtPeriodEnd()).isTrue();
        assertThat(canceled.nextPaymentAt()).isNull();
        assertThat(text(PLUS, "actionLine")).hasValue("Canceled on " + day(canceled.canceledAt())
                + " — confirmed by the provider");
        assertThat(ada.session().actions().history().get(0).requestJson())
                .contains("\"reason\":\"too_expensive\"").contains("Back next term");

        // Within the period a restart undoes the cancellation and charges nothing.
        Button keep = button(PLUS, "restartButton").orElseThrow();
        assertThat(keep.getText()).isEqualTo("Keep my subscription…");
        click(keep);
        assertThat(dialogTerms()).isEqualTo("Keeping it undoes your cancellation. Nothing is charged now: the subscription "
                + "renews on " + until + " for £319.00, as before. Your personalized deadlines stay as they are.");
        press("confirmButton");

        awaitText(PLUS, "actionLine", s -> s.startsWith("Restarted on"));
        awaitText(PLUS, "statusLine", s -> s.equals("Renews on " + until + " for £319.00"));
        Subscription kept = ada.onServer(before.id());
        assertThat(kept.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(kept.cancelAtPeriodEnd()).isFalse();
        assertThat(kept.currentPeriodEnd()).as("the same period goes on").isEqualTo(before.currentPeriodEnd());
        assertThat(kept.deadlinesResetAt()).as("nothing was restarted from scratch").isNull();
    }

    @Test
    void aPastDueSubscriptionIsNeverSaidToHaveAPeriodAlreadyPaidNorToRenewAsBefore() throws Exception {
        Subscription pastDue = ada.local(PAST_DUE);
        String until = day(pastDue.currentPeriodEnd());

        click(button(PAST_DUE, "cancelButton").orElseThrow());
        assertThat(dialogTerms()).isEqualTo("Your last payment failed, so nothing was taken for the current period. "
                + "If you cancel, the provider stops trying to take that payment and nothing more is charged; your "
                + "access continues until " + until + ". Your work is kept; if you restart after " + until
                + ", US$49.00 is charged that day and your personalized deadlines start again.");
        press("confirmButton");
        awaitText(PAST_DUE, "actionLine", s -> s.startsWith("Canceled on"));
        ada.syncNow();
        awaitText(PAST_DUE, "statusLine", s -> s.startsWith("Canceled — access until"));
        // The sync's own reload may still redraw the card: let it settle before clicking.
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        // Undoing it takes up the failed payment again soon, not a renewal at the period's end.
        click(button(PAST_DUE, "restartButton").orElseThrow());
        assertThat(dialogTerms()).isEqualTo("Keeping it undoes your cancellation. Nothing is charged now, but your last "
                + "payment failed: the provider tries again to take US$49.00 within the next few days, and ends the "
                + "subscription if that payment fails too. Your personalized deadlines stay as they are.");
        press("confirmButton");
        awaitText(PAST_DUE, "actionLine", s -> s.startsWith("Restarted on"));
        Subscription kept = ada.onServer(pastDue.id());
        assertThat(kept.status()).isEqualTo(SubscriptionStatus.PAST_DUE);
        assertThat(kept.nextPaymentAt()).as("the retry comes before the period's end")
                .isBefore(pastDue.currentPeriodEnd().minus(java.time.Duration.ofDays(7)));
    }

    @Test
    void restartingAnEndedSubscriptionChargesTodayAndResetsDeadlines() throws Exception {
        Subscription ended = ada.local(ENDED);

        click(button(ENDED, "restartButton").orElseThrow());
        assertThat(dialogTerms()).isEqualTo("Restart — €45.00 is charged today; your work is kept; your personalized "
                + "deadlines start again.");
        assertThat(dialogButton("confirmButton").getText()).isEqualTo("Restart and pay €45.00");
        assertThat(dialogButton("keepButton").isDefaultButton()).as("Enter does not pay").isTrue();
        press("confirmButton");

        awaitText(ENDED, "actionLine", s -> s.startsWith("Restarted on"));
        ada.syncNow();
        Subscription restarted = ada.onServer(ended.id());
        assertThat(restarted.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(restarted.deadlinesResetAt()).isNotNull();
        assertThat(restarted.trialEndsAt()).as("no new free trial").isEqualTo(ended.trialEndsAt());
        awaitText(ENDED, "deadlinesLine", s -> s.equals("Personalized deadlines restarted on "
                + day(restarted.deadlinesResetAt())));
        awaitText(ENDED, "statusLine", s -> s.equals("Renews on " + day(restarted.nextPaymentAt()) + " for €45.00"));
    }

    @Test
    void anActionTakenWhileTheProviderIsDownIsPendingThenConfirmedWhenItIsBack() throws Exception {
        Subscription pastDue = ada.local(PAST_DUE);
        ada.stopSandbox();

        click(button(PAST_DUE, "cancelButton").orElseThrow());
        press("confirmButton");

        awaitText(PAST_DUE, "actionLine", s -> s.equals(
                "Cancellation not yet confirmed by the provider — CourseDesk keeps sending it until the provider "
                        + "answers"));
        // The provider retries the payment in under two days: the learner is told to get online.
        assertThat(text(PAST_DUE, "warningLine")).hasValueSatisfying(s -> assertThat(s)
                .matches("Your next payment is due in 4[67] hours: connect to the internet so the cancellation "
                        + "reaches the provider before then"));
        assertThat(button(PAST_DUE, "cancelButton")).as("one action at a time").isEmpty();
        assertThat(ada.session().actions().openCount()).isEqualTo(1);
        Label pageMessage = robot.lookup("#messageLabel").queryAs(Label.class);
        assertThat(pageMessage.isVisible()).isTrue();
        assertThat(pageMessage.getText()).isEqualTo("Your cancellation of " + PAST_DUE + " is saved. It is sent to "
                + "the provider now, or as soon as you are online.");

        ada.restartSandbox();
        ada.syncNow();

        awaitText(PAST_DUE, "actionLine", s -> s.endsWith("— confirmed by the provider"));
        // The card says it is confirmed: the page no longer says it waits to be sent.
        assertThat(pageMessage.isVisible()).as("stale message: " + pageMessage.getText()).isFalse();
        Subscription onServer = ada.onServer(pastDue.id());
        assertThat(onServer.cancelAtPeriodEnd()).isTrue();
        assertThat(text(PAST_DUE, "actionLine")).hasValue("Canceled on " + day(onServer.canceledAt())
                + " — confirmed by the provider");
        assertThat(text(PAST_DUE, "warningLine")).isEmpty();
        awaitText(PAST_DUE, "statusLine", s -> s.startsWith("Canceled — access until"));
    }

    @Test
    void whileTheProviderFailsTheCardDoesNotTellAnOnlineLearnerThatTheyAreOffline() throws Exception {
        ada.faults("{\"failureRate\": 1.0, \"failureStatus\": 500, \"pathPrefix\": \"/v1/subscriptions\"}");

        click(button(PLUS, "cancelButton").orElseThrow());
        press("confirmButton");
        ada.syncNow();

        awaitText(PLUS, "actionLine", s -> s.startsWith("Cancellation not yet confirmed"));
        assertThat(text(PLUS, "actionLine")).hasValue("Cancellation not yet confirmed by the provider — CourseDesk "
                + "keeps sending it until the provider answers");
        assertThat(ada.session().actions().openCount()).isEqualTo(1);
    }

    @Test
    void pausingCancelsAtTheProviderAndKeepsAReminderOnThisComputer() throws Exception {
        Subscription plus = ada.local(PLUS);
        LocalDate offered = plus.currentPeriodEnd().atZone(ada.formats().zone()).toLocalDate().plusDays(1);

        click(button(PLUS, "pauseButton").orElseThrow());
        // A reminder may be set before access ends, when restarting is free: the terms say both cases.
        String until = day(plus.currentPeriodEnd());
        assertThat(dialogTerms()).isEqualTo("Pausing means canceling now and restarting later: access continues "
                + "until " + until + ", nothing more is charged, and your work is kept. Restarting after " + until
                + " charges £319.00 that day and resets your personalized deadlines; restarting before then costs "
                + "nothing and keeps them. CourseDesk reminds you on the day you choose.");
        DatePicker date = robot.lookup("#reminderDatePicker").queryAs(DatePicker.class);
        assertThat(date.getValue()).isEqualTo(offered);
        LocalDate chosen = offered.plusDays(9);
        robot.interact(() -> date.setValue(chosen));
        press("confirmButton");

        awaitText(PLUS, "reminderLine", s -> s.equals("Reminder to restart on "
                + words.date(chosen, Instant.now())));
        awaitText(PLUS, "actionLine", s -> s.endsWith("— confirmed by the provider"));
        assertThat(ada.onServer(plus.id()).cancelAtPeriodEnd()).isTrue();
        assertThat(ada.settings().get("reminder.restart." + plus.id())).hasValue(chosen.toString());
    }
}
