package com.coursedesk.service.subscriptions;

import com.coursedesk.data.db.ActionKind;
import com.coursedesk.data.db.ActionState;
import com.coursedesk.domain.BillingInterval;
import com.coursedesk.domain.Channel;
import com.coursedesk.domain.Money;
import com.coursedesk.domain.Plan;
import com.coursedesk.domain.Subscription;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static com.coursedesk.service.subscriptions.SubscriptionFixtures.GBP_39;
import static com.coursedesk.service.subscriptions.SubscriptionFixtures.NOW;
import static com.coursedesk.service.subscriptions.SubscriptionFixtures.action;
import static com.coursedesk.service.subscriptions.SubscriptionFixtures.onChannel;
import static com.coursedesk.service.subscriptions.SubscriptionFixtures.subscription;
import static org.assertj.core.api.Assertions.assertThat;

/** What each card offers and what extra lines it carries. */
class SubscriptionCardsTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static SubscriptionCard card(Subscription s) {
        return SubscriptionCards.describe(s, null, null, NOW, LONDON);
    }

    @Test
    void planAndChannelAreSaidWithThePrice() {
        Subscription yearly = subscription("y").plan(new Plan("p", BillingInterval.YEAR, Money.of(31900, "GBP"))).build();

        assertThat(card(SubscriptionFixtures.active()).plan()).isEqualTo(Phrase.of("subscriptions.plan.monthly", GBP_39));
        assertThat(card(yearly).plan()).isEqualTo(Phrase.of("subscriptions.plan.yearly", Money.of(31900, "GBP")));
        assertThat(card(SubscriptionFixtures.active()).channel()).isEqualTo(Phrase.of("subscriptions.channel.web"));
        assertThat(card(onChannel(SubscriptionFixtures.active(), Channel.APP_STORE)).channel())
                .isEqualTo(Phrase.of("subscriptions.channel.appStore"));
        assertThat(card(onChannel(SubscriptionFixtures.active(), Channel.GOOGLE_PLAY)).channel())
                .isEqualTo(Phrase.of("subscriptions.channel.googlePlay"));
    }

    @Test
    void aRunningWebSubscriptionOffersCancelAndPauseButNotRestart() {
        for (Subscription s : new Subscription[] {SubscriptionFixtures.active(), SubscriptionFixtures.trial(),
                SubscriptionFixtures.pastDue()}) {
            SubscriptionCard card = card(s);
            assertThat(card.canCancel()).as(s.id()).isTrue();
            assertThat(card.canPause()).as(s.id()).isTrue();
            assertThat(card.canRestart()).as(s.id()).isFalse();
            assertThat(card.restartKind()).as(s.id()).isNull();
        }
    }

    @Test
    void aSubscriptionSetToEndOffersAFreeRestartAndAnEndedOneAChargedRestart() {
        SubscriptionCard setToEnd = card(SubscriptionFixtures.setToEnd());
        SubscriptionCard ended = card(SubscriptionFixtures.ended());

        assertThat(setToEnd.canCancel()).isFalse();
        assertThat(setToEnd.canRestart()).isTrue();
        assertThat(setToEnd.restartKind()).isEqualTo(RestartKind.KEEP);
        assertThat(ended.canCancel()).isFalse();
        assertThat(ended.canPause()).isFalse();
        assertThat(ended.restartKind()).isEqualTo(RestartKind.CHARGE);
    }

    @Test
    void storeSubscriptionsOfferNoActionOfOurs() {
        for (Channel store : new Channel[] {Channel.APP_STORE, Channel.GOOGLE_PLAY}) {
            for (Subscription s : new Subscription[] {SubscriptionFixtures.active(), SubscriptionFixtures.setToEnd(),
                    SubscriptionFixtures.ended()}) {
                SubscriptionCard card = card(onChannel(s, store));
                assertThat(card.managedElsewhere()).isTrue();
                assertThat(card.canCancel() || card.canPause() || card.canRestart()).as("%s on %s", s.id(), store)
                        .isFalse();
            }
        }
    }

    @Test
    void aPendingActionHidesEveryButtonAndShowsAsPending() {
        Subscription s = SubscriptionFixtures.active();

        SubscriptionCard card = SubscriptionCards.describe(s, action(7, ActionKind.CANCEL, s.id(), ActionState.PENDING),
                null, NOW, LONDON);

        assertThat(card.canCancel() || card.canPause() || card.canRestart()).isFalse();
        assertThat(card.action().line()).isEqualTo(Phrase.of("subscriptions.pending.cancel"));
    }

    @Test
    void aRestartThatResetDeadlinesSaysSo() {
        Instant reset = Instant.parse("2025-11-26T09:00:00Z");
        Subscription s = subscription("r").deadlinesResetAt(reset).build();

        assertThat(card(s).deadlines()).isEqualTo(Phrase.of("subscriptions.deadlinesReset", reset));
        assertThat(card(SubscriptionFixtures.active()).deadlines()).isNull();
    }

    @Test
    void aReminderShowsOnAPausedSubscriptionAndSaysWhenItsDayHasCome() {
        LocalDate june12 = LocalDate.of(2026, 6, 12);
        Subscription paused = SubscriptionFixtures.setToEnd();

        SubscriptionCard before = SubscriptionCards.describe(paused, null, june12, NOW, LONDON);
        SubscriptionCard onTheDay = SubscriptionCards.describe(paused, null, june12,
                Instant.parse("2026-06-11T23:30:00Z"), LONDON); // 00:30 on 12 June in London

        assertThat(before.reminder()).isEqualTo(Phrase.of("subscriptions.reminder.set", june12));
        assertThat(before.reminderDue()).isFalse();
        assertThat(onTheDay.reminder()).isEqualTo(Phrase.of("subscriptions.reminder.due", june12));
        assertThat(onTheDay.reminderDue()).isTrue();
    }

    @Test
    void aReminderShowsWhileItsCancellationIsPendingButNotOnceTheSubscriptionRunsAgain() {
        LocalDate june12 = LocalDate.of(2026, 6, 12);
        Subscription running = SubscriptionFixtures.active();

        SubscriptionCard pending = SubscriptionCards.describe(running,
                action(1, ActionKind.CANCEL, running.id(), ActionState.PENDING), june12, NOW, LONDON);
        SubscriptionCard restartedElsewhere = SubscriptionCards.describe(running, null, june12, NOW, LONDON);

        assertThat(pending.reminder()).isEqualTo(Phrase.of("subscriptions.reminder.set", june12));
        assertThat(restartedElsewhere.reminder()).isNull();
    }
}
