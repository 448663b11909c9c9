package com.coursedesk.ui.upcoming;

import com.coursedesk.domain.PurchaseStatus;
import com.coursedesk.domain.Subscription;
import com.coursedesk.service.subscriptions.SubscriptionFixtures;
import com.coursedesk.service.upcoming.UpcomingEvent;
import com.coursedesk.service.upcoming.UpcomingEvents;
import com.coursedesk.service.upcoming.UpcomingService;
import com.coursedesk.ui.common.Formats;
import com.coursedesk.ui.common.ImmediateTaskRunner;
import com.coursedesk.ui.common.Messages;
import com.coursedesk.ui.shell.UserSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static com.coursedesk.service.subscriptions.SubscriptionFixtures.DAY;
import static com.coursedesk.service.subscriptions.SubscriptionFixtures.GBP_39;
import static com.coursedesk.service.subscriptions.SubscriptionFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** The Upcoming page's view-model: events in words, reminders within the lead time, "Got it" kept. */
class UpcomingViewModelTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @TempDir
    Path dir;

    private Path preferences;
    private UpcomingService source;

    @BeforeEach
    void events() {
        preferences = dir.resolve("settings").resolve("preferences.properties");
        Subscription trial = SubscriptionFixtures.trial();                 // converts on 3 May (in 5 days)
        Subscription pastDue = SubscriptionFixtures.pastDue();             // retried on 30 April (in 2 days)
        Subscription later = SubscriptionFixtures.subscription("sub_later").title("Coursera Plus")
                .nextPayment(NOW.plus(DAY.multipliedBy(40)), GBP_39).build();
        Subscription paused = SubscriptionFixtures.setToEnd();             // access ends 3 May
        var refundable = SubscriptionFixtures.webPurchase("pur_1", NOW.minus(DAY.multipliedBy(5)),
                NOW.plus(DAY.multipliedBy(9)), PurchaseStatus.PAID);
        source = (now, zone) -> UpcomingEvents.from(List.of(trial, pastDue, later, paused), List.of(refundable),
                Map.of(paused.id(), LocalDate.of(2026, 5, 10)), now, zone);
    }

    private UpcomingViewModel viewModel() {
        Messages messages = Messages.load(Locale.UK);
        UpcomingViewModel vm = new UpcomingViewModel(source, new UserSettings(preferences), messages,
                new Formats(Locale.UK, LONDON, messages), new ImmediateTaskRunner(), Clock.fixed(NOW, ZoneOffset.UTC));
        vm.reload();
        return vm;
    }

    @Test
    void everyEventIsListedInDateOrderInWords() {
        UpcomingViewModel vm = viewModel();

        assertThat(vm.events()).extracting(UpcomingItem::what).containsExactly(
                "Failed payment tried again",
                "Access ends; nothing more is charged",
                "Free trial ends: first payment",
                "Last moment to ask for a refund",
                "Your reminder to restart",
                "Renewal");
        UpcomingItem conversion = vm.events().get(2);
        assertThat(conversion.title()).isEqualTo("Machine Learning Specialization");
        assertThat(conversion.date()).isEqualTo("3 May 2026");
        assertThat(conversion.relative()).isEqualTo("in 5 days");
        assertThat(conversion.amount()).isEqualTo("£39.00");
        assertThat(vm.events().get(0).amount()).isEqualTo("US$49.00");
        assertThat(vm.events().get(0).relative()).isEqualTo("in 2 days");
        assertThat(vm.events().get(1).amount()).isNull();
        assertThat(vm.events().get(3).amount()).isEqualTo("£39.00 refundable");
        assertThat(vm.events().get(4).amount()).isEqualTo("£39.00 to restart");
        assertThat(vm.emptyProperty().get()).isFalse();
    }

    @Test
    void remindersShowTheEventsWithinTheDefaultThreeDays() {
        UpcomingViewModel vm = viewModel();

        assertThat(vm.leadDaysProperty().get()).isEqualTo(3);
        assertThat(vm.remindersTitleProperty().get()).isEqualTo("Coming up within 3 days");
        assertThat(vm.reminders()).extracting(UpcomingItem::what).containsExactly("Failed payment tried again");
    }

    @Test
    void aLongerLeadTimeShowsMoreAndIsSavedForNextTime() {
        UpcomingViewModel vm = viewModel();

        vm.setLeadDays(5);

        assertThat(vm.remindersTitleProperty().get()).isEqualTo("Coming up within 5 days");
        assertThat(vm.reminders()).extracting(UpcomingItem::what).containsExactly("Failed payment tried again",
                "Access ends; nothing more is charged", "Free trial ends: first payment");
        assertThat(new UserSettings(preferences).reminderDays()).isEqualTo(5);
        assertThat(viewModel().leadDaysProperty().get()).isEqualTo(5);
        vm.setLeadDays(0);
        assertThat(vm.remindersTitleProperty().get()).isEqualTo("Coming up today");
        assertThat(vm.reminders()).isEmpty();
    }

    @Test
    void gotItDismissesAReminderOnceAndForAll() {
        UpcomingViewModel vm = viewModel();
        vm.setLeadDays(5);
        String retry = vm.reminders().get(0).id();

        vm.dismiss(retry);

        assertThat(vm.reminders()).extracting(UpcomingItem::id).doesNotContain(retry).hasSize(2);
        assertThat(vm.events()).extracting(UpcomingItem::id).as("the event itself stays listed").contains(retry);
        // The next start of the app does not show it again.
        UpcomingViewModel again = viewModel();
        assertThat(again.reminders()).extracting(UpcomingItem::id).doesNotContain(retry).hasSize(2);
        assertThat(new UserSettings(preferences).get("upcoming.dismissed")).hasValue(retry);
    }

    @Test
    void dismissedIdsOfPastEventsAreNotKeptForever() {
        new UserSettings(preferences).put("upcoming.dismissed", "renewal:sub_gone:1700000000");
        UpcomingViewModel vm = viewModel();
        String retry = vm.reminders().get(0).id();

        vm.dismiss(retry);

        assertThat(new UserSettings(preferences).get("upcoming.dismissed")).hasValue(retry);
    }

    @Test
    void nothingComingIsSaidAsSuch() {
        source = (now, zone) -> List.<UpcomingEvent>of();

        UpcomingViewModel vm = viewModel();

        assertThat(vm.events()).isEmpty();
        assertThat(vm.reminders()).isEmpty();
        assertThat(vm.emptyProperty().get()).isTrue();
    }

    @Test
    void aFailedReadIsSaidInWords() {
        source = (now, zone) -> {
            throw new IllegalStateException("The local store is closed");
        };

        UpcomingViewModel vm = viewModel();

        assertThat(vm.errorProperty().get())
                .isEqualTo("The coming events could not be read from this computer: The local store is closed");
        assertThat(vm.loadingProperty().get()).isFalse();
    }
}
