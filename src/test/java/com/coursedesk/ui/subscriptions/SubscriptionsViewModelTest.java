package com.coursedesk.ui.subscriptions;

import com.coursedesk.data.db.ActionAnswer;
import com.coursedesk.data.db.ActionDao;
import com.coursedesk.data.db.ActionKind;
import com.coursedesk.data.db.ActionRecord;
import com.coursedesk.data.db.ActionState;
import com.coursedesk.data.db.LocalStore;
import com.coursedesk.data.db.NewAction;
import com.coursedesk.data.db.SubscriptionDao;
import com.coursedesk.domain.CancelReason;
import com.coursedesk.domain.Channel;
import com.coursedesk.domain.Subscription;
import com.coursedesk.service.actions.ActionService;
import com.coursedesk.service.subscriptions.OutboxSubscriptionsService;
import com.coursedesk.service.subscriptions.SubscriptionFixtures;
import com.coursedesk.ui.common.Formats;
import com.coursedesk.ui.common.ImmediateTaskRunner;
import com.coursedesk.ui.common.Messages;
import com.coursedesk.ui.shell.UserSettings;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import static com.coursedesk.service.subscriptions.SubscriptionFixtures.NOW;
import static com.coursedesk.service.subscriptions.SubscriptionFixtures.onChannel;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's view-model over a real local store and outbox (no server: queued actions just
 * wait), with every task run at once on the test thread.
 */
class SubscriptionsViewModelTest {

    @TempDir
    Path dir;

    private LocalStore store;
    private ActionService actions;
    private UserSettings settings;
    private SubscriptionsViewModel viewModel;
    private final AtomicInteger queuedSignals = new AtomicInteger();
    private final Subscription trial = SubscriptionFixtures.trial();
    private final Subscription active = SubscriptionFixtures.active();
    private final Subscription setToEnd = SubscriptionFixtures.setToEnd();
    private final Subscription ended = SubscriptionFixtures.ended();
    private final Subscription apple = onChannel(SubscriptionFixtures.subscription("sub_apple")
            .title("IBM Data Science").build(), Channel.APP_STORE);
    private final Subscription google = onChannel(SubscriptionFixtures.subscription("sub_google")
            .title("Python for Everybody").build(), Channel.GOOGLE_PLAY);

    @BeforeEach
    void open() {
        store = LocalStore.open(dir.resolve("store.db"));
        store.write(c -> {
            new SubscriptionDao().upsertAll(c, List.of(trial, active, setToEnd, ended, apple, google));
            return null;
        });
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        AtomicInteger keys = new AtomicInteger();
        // No session: nothing is sent in these tests, so actions stay pending as they would offline.
        actions = new ActionService(store, null, clock, () -> "key-" + keys.incrementAndGet(), () -> { });
        settings = new UserSettings(dir.resolve("settings").resolve("preferences.properties"));
        Messages messages = Messages.load(Locale.UK);
        viewModel = new SubscriptionsViewModel(
                new OutboxSubscriptionsService(store, actions, new SettingsRestartReminders(settings)), messages,
                new Formats(Locale.UK, ZoneId.of("Europe/London"), messages), new ImmediateTaskRunner(), clock,
                queuedSignals::incrementAndGet);
        viewModel.reload();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private SubscriptionItem item(String id) {
        return viewModel.items().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void everySubscriptionIsACardInPlainWordsEndedOnesLast() {
        assertThat(viewModel.items()).hasSize(6);
        assertThat(viewModel.items().get(5).id()).isEqualTo(ended.id());
        assertThat(viewModel.emptyProperty().get()).isFalse();
        assertThat(viewModel.loadingProperty().get()).isFalse();

        SubscriptionItem t = item(trial.id());
        assertThat(t.title()).isEqualTo("Machine Learning Specialization");
        assertThat(t.plan()).isEqualTo("Monthly · £39.00");
        assertThat(t.channel()).isEqualTo("Web");
        assertThat(t.status()).isEqualTo("Free trial — first payment of £39.00 on 3 May");
        assertThat(t.statusStyle()).isEqualTo("status-ok");
        assertThat(item(active.id()).status()).isEqualTo("Renews on 3 May for £39.00");
        assertThat(item(setToEnd.id()).status()).isEqualTo("Canceled — access until 3 May, no further payments");
        assertThat(item(setToEnd.id()).statusStyle()).isEqualTo("status-warning");
        assertThat(item(ended.id()).status()).isEqualTo("Ended on 3 March");
        assertThat(item(ended.id()).statusStyle()).isEqualTo("muted");
    }

    @Test
    void theButtonsFollowTheRulesAndStoreSubscriptionsHaveNone() {
        assertThat(item(active.id()).canCancel()).isTrue();
        assertThat(item(active.id()).canPause()).isTrue();
        assertThat(item(active.id()).canRestart()).isFalse();
        assertThat(item(setToEnd.id()).restartLabel()).isEqualTo("Keep my subscription…");
        assertThat(item(ended.id()).restartLabel()).isEqualTo("Restart…");
        for (String store : List.of(apple.id(), google.id())) {
            SubscriptionItem i = item(store);
            assertThat(i.canCancel() || i.canPause() || i.canRestart()).as(store).isFalse();
            assertThat(i.managedElsewhere()).isTrue();
        }
        assertThat(item(apple.id()).status()).isEqualTo("Bought in the App Store — manage it there");
        assertThat(item(apple.id()).detail()).startsWith("Renews on");
        assertThat(item(google.id()).status()).isEqualTo("Bought on Google Play — manage it there");
    }

    @Test
    void theCancelPromptSaysWhatHappensAndNamesItsButtons() {
        CancelPrompt paid = viewModel.cancelPrompt(active.id());
        CancelPrompt trialPrompt = viewModel.cancelPrompt(trial.id());

        assertThat(paid.body()).contains("until the current period ends on 3 May").contains("no partial refunds");
        assertThat(trialPrompt.body()).contains("no payment is taken at all");
        assertThat(paid.confirm()).isEqualTo("Cancel my subscription");
        assertThat(paid.keep()).isEqualTo("Keep subscription");
        assertThat(paid.maxCommentLength()).isEqualTo(1000);
        assertThat(paid.reasons()).extracting(CancelPrompt.ReasonChoice::reason)
                .containsExactly(null, CancelReason.TOO_EXPENSIVE, CancelReason.NOT_USING,
                        CancelReason.FINISHED_LEARNING, CancelReason.TECHNICAL_ISSUES, CancelReason.OTHER);
        assertThat(paid.reasons()).extracting(CancelPrompt.ReasonChoice::label)
                .contains("Prefer not to say", "It costs too much", "I'm not using it enough");
    }

    @Test
    void cancelingQueuesTheActionWithItsReasonAndTheCardShowsItPending() {
        viewModel.cancel(active.id(), CancelReason.TOO_EXPENSIVE, "Too dear for me");

        ActionRecord queued = actions.history().get(0);
        assertThat(queued.kind()).isEqualTo(ActionKind.CANCEL);
        assertThat(queued.targetId()).isEqualTo(active.id());
        assertThat(queued.state()).isEqualTo(ActionState.PENDING);
        var body = JsonParser.parseString(queued.requestJson()).getAsJsonObject();
        assertThat(body.get("reason").getAsString()).isEqualTo("too_expensive");
        assertThat(body.get("comment").getAsString()).isEqualTo("Too dear for me");
        assertThat(queuedSignals).hasValue(1);
        assertThat(viewModel.messageProperty().get()).startsWith("Your cancellation of Google Data Analytics is saved");
        SubscriptionItem card = item(active.id());
        assertThat(card.action())
                .isEqualTo("Cancellation not yet confirmed by the provider — CourseDesk keeps sending it until the provider "
                        + "answers");
        assertThat(card.actionStyle()).isEqualTo("pending");
        assertThat(card.warning()).as("the renewal is five days away").isNull();
        assertThat(card.canCancel() || card.canPause() || card.canRestart()).isFalse();
        // The server has not answered: the state line still says what the provider last said.
        assertThat(card.status()).isEqualTo("Renews on 3 May for £39.00");
        assertThat(viewModel.workingProperty().get()).isFalse();
    }

    @Test
    void aSecondActionWhileOneIsPendingIsRefusedInPlainWords() {
        store.write(c -> new ActionDao().insertPending(c, new NewAction(ActionKind.CANCEL, trial.id(), "k-1", "{}",
                NOW.minus(Duration.ofMinutes(1)))));
        viewModel.reload();
        assertThat(item(trial.id()).canCancel()).isFalse();

        // As a double click on a card drawn before the reload would do.
        viewModel.cancel(trial.id(), null, null);

        assertThat(viewModel.messageProperty().get()).startsWith("An earlier request on this subscription is still");
        assertThat(viewModel.messageStyleProperty().get()).isEqualTo("status-danger");
        assertThat(queuedSignals).hasValue(0);
    }

    @Test
    void aPendingCancellationWarnsWhenThePaymentIsClose() {
        // The trial converts on 3 May; 20 hours before it, the cancellation has not reached the provider.
        Clock late = Clock.fixed(trial.trialEndsAt().minus(Duration.ofHours(20)), ZoneOffset.UTC);
        Messages messages = Messages.load(Locale.UK);
        SubscriptionsViewModel lateView = new SubscriptionsViewModel(
                new OutboxSubscriptionsService(store, actions, new SettingsRestartReminders(settings)), messages,
                new Formats(Locale.UK, ZoneId.of("Europe/London"), messages), new ImmediateTaskRunner(), late, () -> { });
        store.write(c -> new ActionDao().insertPending(c, new NewAction(ActionKind.CANCEL, trial.id(), "k-2", "{}",
                NOW)));

        lateView.reload();

        SubscriptionItem card = lateView.items().stream().filter(i -> i.id().equals(trial.id())).findFirst()
                .orElseThrow();
        assertThat(card.warning()).isEqualTo("Your next payment is due in 20 hours: connect to the internet so the "
                + "cancellation reaches the provider before then");
    }

    @Test
    void restartPromptsSayWhatTheyCost() {
        RestartPrompt keep = viewModel.restartPrompt(setToEnd.id());
        RestartPrompt charge = viewModel.restartPrompt(ended.id());

        assertThat(keep.charges()).isFalse();
        assertThat(keep.confirm()).isEqualTo("Keep my subscription");
        assertThat(keep.body()).isEqualTo("Keeping it undoes your cancellation. Nothing is charged now: the subscription renews "
                + "on 3 May for £39.00, as before. Your personalized deadlines stay as they are.");
        assertThat(charge.charges()).isTrue();
        assertThat(charge.confirm()).isEqualTo("Restart and pay €45.00");
        assertThat(charge.body()).isEqualTo("Restart — €45.00 is charged today; your work is kept; your personalized "
                + "deadlines start again.");
        assertThat(charge.dismiss()).isEqualTo("Not now");
    }

    @Test
    void pausingQueuesACancellationAndKeepsAReminderThatTheCardShows() throws Exception {
        PausePrompt prompt = viewModel.pausePrompt(active.id());
        assertThat(prompt.defaultDate()).isEqualTo(LocalDate.of(2026, 5, 4));
        assertThat(prompt.earliestDate()).isEqualTo(LocalDate.of(2026, 4, 29));
        assertThat(prompt.body()).startsWith("Pausing means canceling now and restarting later: access continues "
                + "until 3 May");

        viewModel.pause(active.id(), LocalDate.of(2026, 6, 12));

        assertThat(actions.history()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(ActionKind.CANCEL);
            assertThat(a.targetId()).isEqualTo(active.id());
        });
        assertThat(Files.readString(dir.resolve("settings").resolve("preferences.properties")))
                .contains("reminder.restart." + active.id() + "=2026-06-12");
        assertThat(item(active.id()).reminder()).isEqualTo("Reminder to restart on 12 June");
        assertThat(viewModel.messageProperty().get()).endsWith("You will be reminded to restart on 12 June.");

        viewModel.forgetReminder(active.id());

        assertThat(item(active.id()).reminder()).isNull();
        assertThat(settings.get("reminder.restart." + active.id())).isEmpty();
    }

    @Test
    void restartingQueuesTheRestartAndRemovesTheReminder() {
        settings.put("reminder.restart." + ended.id(), "2026-05-10");
        viewModel.reload();
        assertThat(item(ended.id()).reminder()).isEqualTo("Reminder to restart on 10 May");

        viewModel.restart(ended.id());

        assertThat(actions.history()).singleElement().satisfies(a -> assertThat(a.kind()).isEqualTo(ActionKind.RESTART));
        SubscriptionItem card = item(ended.id());
        assertThat(card.action())
                .isEqualTo("Restart not yet confirmed by the provider — CourseDesk keeps sending it until the provider answers");
        assertThat(card.reminder()).isNull();
        assertThat(settings.get("reminder.restart." + ended.id())).isEmpty();
    }

    @Test
    void theOutcomeOfAnAnsweredActionShowsConfirmedOrRefusedWithTheReason() {
        ActionDao dao = new ActionDao();
        store.write(c -> {
            long declined = dao.insertPending(c, new NewAction(ActionKind.RESTART, ended.id(), "k-r", "{}", NOW));
            dao.markRefused(c, declined, new ActionAnswer(NOW, 402, "payment_failed", "Your card was declined.", null,
                    null));
            long done = dao.insertPending(c, new NewAction(ActionKind.CANCEL, setToEnd.id(), "k-c", "{}", NOW));
            dao.markConfirmed(c, done, new ActionAnswer(NOW, 200, null, null, "{}", NOW));
            return null;
        });

        viewModel.reload();

        assertThat(item(ended.id()).action())
                .isEqualTo("Restart not done. The provider could not charge your card; nothing changed.");
        assertThat(item(ended.id()).actionStyle()).isEqualTo("status-danger");
        assertThat(item(ended.id()).canRestart()).as("it may be tried again").isTrue();
        assertThat(item(setToEnd.id()).action()).isEqualTo("Canceled on 26 April — confirmed by the provider");
        assertThat(item(setToEnd.id()).actionStyle()).isEqualTo("status-ok");
    }

    @Test
    void deadlinesResetByARestartAreSaidOnTheCard() {
        Subscription restarted = SubscriptionFixtures.subscription("sub_restarted")
                .deadlinesResetAt(java.time.Instant.parse("2026-04-20T09:00:00Z")).build();
        store.write(c -> {
            new SubscriptionDao().upsertAll(c, List.of(restarted));
            return null;
        });

        viewModel.reload();

        assertThat(item("sub_restarted").deadlines()).isEqualTo("Personalized deadlines restarted on 20 April");
    }

    @Test
    void noSubscriptionsIsSaidAsSuch() {
        SubscriptionsViewModel none = SubscriptionsTestViews.viewModel(Messages.load(Locale.UK), List.of());

        none.reload();

        assertThat(none.items()).isEmpty();
        assertThat(none.emptyProperty().get()).isTrue();
    }
}
