package com.coursedesk.service.subscriptions;

import com.coursedesk.domain.Money;
import com.coursedesk.domain.Subscription;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static com.coursedesk.service.subscriptions.SubscriptionFixtures.GBP_39;
import static com.coursedesk.service.subscriptions.SubscriptionFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** What each confirmation says the action will cost. */
class SubscriptionTermsTest {

    private static final Instant MAY_3 = Instant.parse("2026-05-03T10:00:00Z");

    @Test
    void cancelingAPaidSubscriptionKeepsAccessUntilThePeriodEndsWithoutARefund() {
        assertThat(SubscriptionTerms.cancel(SubscriptionFixtures.active()))
                .isEqualTo(Phrase.of("subscriptions.cancel.body.paid", MAY_3, GBP_39));
    }

    @Test
    void cancelingAPastDueSubscriptionDoesNotSpeakOfAPeriodAlreadyPaid() {
        Subscription pastDue = SubscriptionFixtures.pastDue();

        assertThat(SubscriptionTerms.cancel(pastDue)).isEqualTo(Phrase.of("subscriptions.cancel.body.pastDue",
                pastDue.currentPeriodEnd(), pastDue.plan().price()));
    }

    @Test
    void cancelingATrialTakesNoPaymentAtAll() {
        assertThat(SubscriptionTerms.cancel(SubscriptionFixtures.trial()))
                .isEqualTo(Phrase.of("subscriptions.cancel.body.trial", MAY_3, GBP_39));
    }

    @Test
    void keepingAPastDueSubscriptionSaysTheFailedPaymentIsTriedAgainNotThatItRenewsAsBefore() {
        Subscription pastDueSetToEnd = SubscriptionFixtures.subscription("sub_pd")
                .status(com.coursedesk.domain.SubscriptionStatus.PAST_DUE)
                .period(NOW.minus(SubscriptionFixtures.DAY), MAY_3).cancelAtPeriodEnd(true).canceledAt(NOW)
                .nextPayment(null, null).build();

        assertThat(SubscriptionTerms.restartKind(pastDueSetToEnd, NOW)).isEqualTo(RestartKind.KEEP);
        assertThat(SubscriptionTerms.restart(pastDueSetToEnd, NOW))
                .isEqualTo(Phrase.of("subscriptions.restart.keep.body.pastDue", GBP_39));
    }

    @Test
    void restartingWithinThePeriodIsFreeAndSaysWhenItRenews() {
        Subscription s = SubscriptionFixtures.setToEnd();

        assertThat(SubscriptionTerms.restartKind(s, NOW)).isEqualTo(RestartKind.KEEP);
        assertThat(SubscriptionTerms.restart(s, NOW)).isEqualTo(Phrase.of("subscriptions.restart.keep.body", MAY_3, GBP_39));
        assertThat(SubscriptionTerms.restart(SubscriptionFixtures.trialSetToEnd(), NOW))
                .isEqualTo(Phrase.of("subscriptions.restart.keep.body.trial", GBP_39, MAY_3));
    }

    @Test
    void restartingAfterTheEndChargesThePlanPriceToday() {
        Subscription ended = SubscriptionFixtures.ended();

        assertThat(SubscriptionTerms.restartKind(ended, NOW)).isEqualTo(RestartKind.CHARGE);
        assertThat(SubscriptionTerms.restart(ended, NOW))
                .isEqualTo(Phrase.of("subscriptions.restart.charge.body", Money.of(4500, "EUR")));
        assertThat(SubscriptionTerms.restartChargeConfirm(ended))
                .isEqualTo(Phrase.of("subscriptions.restart.charge.confirm", Money.of(4500, "EUR")));
        // Set to end but already past its end: that restart starts a new, charged period.
        assertThat(SubscriptionTerms.restartKind(SubscriptionFixtures.setToEnd(), MAY_3)).isEqualTo(RestartKind.CHARGE);
    }

    @Test
    void pausingSaysUntilWhenAccessLastsAndWhatRestartingCostsAndOffersTheDayAfter() {
        Subscription s = SubscriptionFixtures.active();

        assertThat(SubscriptionTerms.pause(s)).isEqualTo(Phrase.of("subscriptions.pause.body", MAY_3, GBP_39));
        assertThat(SubscriptionTerms.defaultReminderDate(s, ZoneId.of("Europe/London"))).isEqualTo(LocalDate.of(2026, 5, 4));
        // Late in the evening in Tokyo it is already the next day.
        Subscription lateEnd = SubscriptionFixtures.subscription("t").period(NOW, Instant.parse("2026-05-03T20:00:00Z"))
                .build();
        assertThat(SubscriptionTerms.defaultReminderDate(lateEnd, ZoneId.of("Asia/Tokyo"))).isEqualTo(LocalDate.of(2026, 5, 5));
    }
}
