package com.coursedesk.service.upcoming;

import com.coursedesk.domain.Channel;
import com.coursedesk.domain.Money;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.PurchaseStatus;
import com.coursedesk.domain.Subscription;
import com.coursedesk.service.subscriptions.SubscriptionFixtures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.coursedesk.service.subscriptions.SubscriptionFixtures.DAY;
import static com.coursedesk.service.subscriptions.SubscriptionFixtures.GBP_39;
import static com.coursedesk.service.subscriptions.SubscriptionFixtures.NOW;
import static com.coursedesk.service.subscriptions.SubscriptionFixtures.onChannel;
import static com.coursedesk.service.subscriptions.SubscriptionFixtures.subscription;
import static com.coursedesk.service.subscriptions.SubscriptionFixtures.webPurchase;
import static org.assertj.core.api.Assertions.assertThat;

/** Every coming money event, in order, with stable ids, and the reminders due now. */
class UpcomingEventsTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant MAY_3 = Instant.parse("2026-05-03T10:00:00Z");

    private static List<UpcomingEvent> from(List<Subscription> subs, List<Purchase> purchases,
                                            Map<String, LocalDate> reminders) {
        return UpcomingEvents.from(subs, purchases, reminders, NOW, LONDON);
    }

    @Test
    void eachKindOfEventComesFromItsState() {
        Subscription trial = SubscriptionFixtures.trial();
        Subscription active = subscription("sub_active").nextPayment(NOW.plus(DAY.multipliedBy(6)), GBP_39).build();
        Subscription pastDue = SubscriptionFixtures.pastDue();
        Subscription setToEnd = SubscriptionFixtures.setToEnd();
        Purchase refundable = webPurchase("pur_1", NOW.minus(DAY.multipliedBy(5)), NOW.plus(DAY.multipliedBy(9)),
                PurchaseStatus.PAID);

        List<UpcomingEvent> events = from(List.of(trial, active, pastDue, setToEnd), List.of(refundable), Map.of());

        assertThat(events).extracting(UpcomingEvent::kind).containsExactly(
                UpcomingEventKind.PAYMENT_RETRY,        // in 2 days
                UpcomingEventKind.ACCESS_ENDS,          // 3 May: same instant, "access_ends:…" sorts first
                UpcomingEventKind.TRIAL_CONVERSION,     // 3 May
                UpcomingEventKind.RENEWAL,              // in 6 days
                UpcomingEventKind.REFUND_WINDOW_CLOSES); // in 9 days
        UpcomingEvent conversion = events.get(2);
        assertThat(conversion.at()).isEqualTo(MAY_3);
        assertThat(conversion.amount()).isEqualTo(GBP_39);
        assertThat(conversion.title()).isEqualTo("Machine Learning Specialization");
        assertThat(conversion.subscriptionId()).isEqualTo(trial.id());
        assertThat(conversion.purchaseId()).isNull();
        assertThat(events.get(0).amount()).isEqualTo(Money.of(4900, "USD"));
        assertThat(events.get(1).amount()).as("access ending charges nothing").isNull();
        UpcomingEvent refund = events.get(4);
        assertThat(refund.amount()).isEqualTo(Money.of(3900, "GBP"));
        assertThat(refund.purchaseId()).isEqualTo("pur_1");
        assertThat(refund.at()).isEqualTo(NOW.plus(DAY.multipliedBy(9)));
    }

    @Test
    void eventsAreInDateOrderWithTiesBrokenByIdSoTheOrderIsStable() {
        Subscription a = subscription("sub_a").nextPayment(MAY_3, GBP_39).build();
        Subscription b = subscription("sub_b").nextPayment(MAY_3, GBP_39).build();
        Subscription earlier = subscription("sub_z").nextPayment(MAY_3.minusSeconds(1), GBP_39).build();

        List<UpcomingEvent> one = from(List.of(b, a, earlier), List.of(), Map.of());
        List<UpcomingEvent> other = from(List.of(earlier, a, b), List.of(), Map.of());

        assertThat(one).extracting(UpcomingEvent::subscriptionId).containsExactly("sub_z", "sub_a", "sub_b");
        assertThat(other).isEqualTo(one);
    }

    @Test
    void idsAreStableForTheSameEventAndDifferForTheNextRenewal() {
        Subscription s = SubscriptionFixtures.active();
        Subscription renewed = subscription(s.id()).nextPayment(MAY_3.plus(DAY.multipliedBy(31)), GBP_39).build();

        String first = from(List.of(s), List.of(), Map.of()).get(0).id();
        String again = from(List.of(s), List.of(), Map.of()).get(0).id();
        String next = from(List.of(renewed), List.of(), Map.of()).get(0).id();

        assertThat(first).isEqualTo(again).startsWith("renewal:" + s.id() + ":");
        assertThat(next).isNotEqualTo(first);
    }

    @Test
    void pastEventsEndedSubscriptionsAndClosedOrStoreRefundWindowsAreLeftOut() {
        Subscription overdue = subscription("sub_late").nextPayment(NOW.minusSeconds(1), GBP_39).build();
        Purchase closed = webPurchase("pur_closed", NOW.minus(DAY.multipliedBy(20)), NOW.minus(DAY), PurchaseStatus.PAID);
        Purchase refunded = webPurchase("pur_ref", NOW.minus(DAY), NOW.plus(DAY), PurchaseStatus.REFUNDED);
        Purchase pending = webPurchase("pur_pend", NOW.minus(DAY), NOW.plus(DAY), PurchaseStatus.PENDING);
        Purchase store = SubscriptionFixtures.purchase("pur_store", Channel.APP_STORE, NOW.minus(DAY), NOW.plus(DAY),
                PurchaseStatus.PAID);

        assertThat(from(List.of(SubscriptionFixtures.ended(), overdue), List.of(closed, refunded, pending, store),
                Map.of())).isEmpty();
    }

    @Test
    void storeSubscriptionsStillRenewAndAreListed() {
        Subscription apple = onChannel(SubscriptionFixtures.active(), Channel.APP_STORE);

        assertThat(from(List.of(apple), List.of(), Map.of())).extracting(UpcomingEvent::kind)
                .containsExactly(UpcomingEventKind.RENEWAL);
    }

    @Test
    void theLearnersRestartRemindersAreEventsAtNineOnTheirDay() {
        Subscription paused = SubscriptionFixtures.setToEnd();
        Subscription ended = SubscriptionFixtures.ended();
        Subscription running = SubscriptionFixtures.active();
        LocalDate june12 = LocalDate.of(2026, 6, 12);

        List<UpcomingEvent> events = from(List.of(paused, ended, running), List.of(),
                Map.of(paused.id(), june12, ended.id(), LocalDate.of(2026, 5, 1), running.id(), june12,
                        "sub_gone", june12));

        List<UpcomingEvent> reminders = events.stream()
                .filter(e -> e.kind() == UpcomingEventKind.RESTART_REMINDER).toList();
        assertThat(reminders).extracting(UpcomingEvent::subscriptionId).containsExactly(ended.id(), paused.id());
        assertThat(reminders.get(1).at()).isEqualTo(Instant.parse("2026-06-12T08:00:00Z")); // 09:00 BST
        assertThat(reminders.get(1).amount()).as("what restarting costs").isEqualTo(GBP_39);
        // A reminder whose day has passed is not coming any more.
        assertThat(from(List.of(paused), List.of(), Map.of(paused.id(), LocalDate.of(2026, 4, 27))))
                .noneMatch(e -> e.kind() == UpcomingEventKind.RESTART_REMINDER);
    }

    @Test
    void remindersAreDueWithinTheLeadTimeInCalendarDaysOfTheLearnersZone() {
        Subscription today = subscription("today").nextPayment(Instant.parse("2026-04-28T22:30:00Z"), GBP_39).build();
        Subscription in3 = subscription("in3").nextPayment(Instant.parse("2026-05-01T22:30:00Z"), GBP_39).build();
        Subscription in4 = subscription("in4").nextPayment(Instant.parse("2026-05-02T00:30:00Z"), GBP_39).build();
        List<UpcomingEvent> events = from(List.of(today, in3, in4), List.of(), Map.of());

        // 22:30 UTC on 1 May is 23:30 on 1 May in London: three days ahead. 00:30 UTC on 2 May is 01:30 on 2 May.
        assertThat(UpcomingEvents.remindersDue(events, NOW, LONDON, 3, Set.of()))
                .extracting(UpcomingEvent::subscriptionId).containsExactly("today", "in3");
        assertThat(UpcomingEvents.remindersDue(events, NOW, LONDON, 0, Set.of()))
                .extracting(UpcomingEvent::subscriptionId).containsExactly("today");
        assertThat(UpcomingEvents.remindersDue(events, NOW, LONDON, 4, Set.of())).hasSize(3);
        // In Tokyo, 22:30 UTC on 28 April is already 29 April: tomorrow, not today.
        assertThat(UpcomingEvents.remindersDue(events, NOW, ZoneId.of("Asia/Tokyo"), 0, Set.of())).isEmpty();
    }

    @Test
    void aDismissedReminderIsNotShownAgainButItsEventStaysListed() {
        List<UpcomingEvent> events = from(List.of(SubscriptionFixtures.trial(), SubscriptionFixtures.pastDue()),
                List.of(), Map.of());
        String dismissed = events.get(0).id();

        List<UpcomingEvent> due = UpcomingEvents.remindersDue(events, NOW, LONDON, 7, Set.of(dismissed));

        assertThat(due).extracting(UpcomingEvent::id).containsExactly(events.get(1).id());
        assertThat(events).extracting(UpcomingEvent::id).contains(dismissed);
        // The next renewal of the same subscription is a new event: its reminder shows.
        Subscription renewed = subscription(events.get(0).subscriptionId())
                .status(com.coursedesk.domain.SubscriptionStatus.PAST_DUE)
                .nextPayment(NOW.plus(Duration.ofDays(3)), GBP_39).build();
        assertThat(UpcomingEvents.remindersDue(from(List.of(renewed), List.of(), Map.of()), NOW, LONDON, 7,
                Set.of(dismissed))).hasSize(1);
    }
}
