package com.coursedesk.service.subscriptions;

import com.coursedesk.domain.Channel;
import com.coursedesk.domain.Money;
import com.coursedesk.domain.Subscription;
import com.coursedesk.domain.SubscriptionStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.coursedesk.service.subscriptions.SubscriptionFixtures.DAY;
import static com.coursedesk.service.subscriptions.SubscriptionFixtures.GBP_39;
import static com.coursedesk.service.subscriptions.SubscriptionFixtures.NOW;
import static com.coursedesk.service.subscriptions.SubscriptionFixtures.onChannel;
import static com.coursedesk.service.subscriptions.SubscriptionFixtures.subscription;
import static org.assertj.core.api.Assertions.assertThat;

/** The status line of each state of the contract, for web and store subscriptions. */
class SubscriptionStatusLineTest {

    private static final Instant MAY_3 = Instant.parse("2026-05-03T10:00:00Z");

    @Test
    void aTrialSaysWhenItsFirstPaymentIsTakenAndHowMuch() {
        SubscriptionStatusLine line = SubscriptionStatusLine.of(SubscriptionFixtures.trial(), NOW);

        assertThat(line.primary()).isEqualTo(Phrase.of("subscriptions.status.trial", GBP_39, MAY_3));
        assertThat(line.primaryTone()).isEqualTo(Tone.OK);
        assertThat(line.secondary()).isNull();
    }

    @Test
    void anActiveSubscriptionSaysWhenItRenewsForHowMuch() {
        SubscriptionStatusLine line = SubscriptionStatusLine.of(SubscriptionFixtures.active(), NOW);

        assertThat(line.primary()).isEqualTo(Phrase.of("subscriptions.status.renews", MAY_3, GBP_39));
        assertThat(line.primaryTone()).isEqualTo(Tone.OK);
    }

    @Test
    void theRenewalAmountIsTheServersNextPaymentAmountNotThePlanPrice() {
        // The yearly plan's price went up: the server says what the next charge is.
        Subscription s = subscription("sub_y").nextPayment(MAY_3, Money.of(31900, "GBP")).build();

        assertThat(SubscriptionStatusLine.of(s, NOW).primary().args()).containsExactly(MAY_3, Money.of(31900, "GBP"));
    }

    @Test
    void withoutNextPaymentFieldsTheStateRulesGiveTheDateAndThePlanPrice() {
        Subscription s = subscription("sub_x").status(SubscriptionStatus.ACTIVE).period(NOW.minus(DAY), MAY_3)
                .nextPayment(null, null).build();

        assertThat(SubscriptionStatusLine.of(s, NOW).primary())
                .isEqualTo(Phrase.of("subscriptions.status.renews", MAY_3, GBP_39));
    }

    @Test
    void aPaidSubscriptionSetToEndSaysAccessLastsUntilThePeriodEndsAndNothingMoreIsCharged() {
        SubscriptionStatusLine line = SubscriptionStatusLine.of(SubscriptionFixtures.setToEnd(), NOW);

        assertThat(line.primary()).isEqualTo(Phrase.of("subscriptions.status.canceled", MAY_3));
        assertThat(line.primaryTone()).isEqualTo(Tone.WARNING);
    }

    @Test
    void aCanceledTrialSaysTheLearnerWillNotBeCharged() {
        SubscriptionStatusLine line = SubscriptionStatusLine.of(SubscriptionFixtures.trialSetToEnd(), NOW);

        assertThat(line.primary()).isEqualTo(Phrase.of("subscriptions.status.trialCanceled", MAY_3));
        assertThat(line.primaryTone()).isEqualTo(Tone.WARNING);
    }

    @Test
    void aSubscriptionSetToEndWhosePeriodIsOverSaysAccessEnded() {
        // The local copy has not yet heard that it ended.
        SubscriptionStatusLine line = SubscriptionStatusLine.of(SubscriptionFixtures.setToEnd(), MAY_3.plusSeconds(1));

        assertThat(line.primary()).isEqualTo(Phrase.of("subscriptions.status.accessEnded", MAY_3));
        assertThat(line.primaryTone()).isEqualTo(Tone.MUTED);
    }

    @Test
    void pastDueSaysThePaymentIsRetriedAndWhenWhenTheServerSaysSo() {
        SubscriptionStatusLine withDate = SubscriptionStatusLine.of(SubscriptionFixtures.pastDue(), NOW);
        Subscription noDate = subscription("sub_pd").status(SubscriptionStatus.PAST_DUE).nextPayment(null, null).build();

        assertThat(withDate.primary())
                .isEqualTo(Phrase.of("subscriptions.status.pastDueRetry", NOW.plus(DAY.multipliedBy(2))));
        assertThat(withDate.primaryTone()).isEqualTo(Tone.DANGER);
        assertThat(SubscriptionStatusLine.of(noDate, NOW).primary()).isEqualTo(Phrase.of("subscriptions.status.pastDue"));
        assertThat(SubscriptionStatusLine.of(noDate, NOW).primaryTone()).isEqualTo(Tone.DANGER);
    }

    @Test
    void anEndedSubscriptionSaysWhenItEnded() {
        SubscriptionStatusLine line = SubscriptionStatusLine.of(SubscriptionFixtures.ended(), NOW);

        assertThat(line.primary())
                .isEqualTo(Phrase.of("subscriptions.status.ended", Instant.parse("2026-03-03T10:00:00Z")));
        assertThat(line.primaryTone()).isEqualTo(Tone.MUTED);
    }

    @Test
    void aStoreSubscriptionSaysWhereToManageItFirstAndItsStateSecond() {
        Subscription appStore = onChannel(SubscriptionFixtures.active(), Channel.APP_STORE);
        Subscription googlePlay = onChannel(SubscriptionFixtures.pastDue(), Channel.GOOGLE_PLAY);

        SubscriptionStatusLine apple = SubscriptionStatusLine.of(appStore, NOW);
        SubscriptionStatusLine google = SubscriptionStatusLine.of(googlePlay, NOW);

        assertThat(apple.primary()).isEqualTo(Phrase.of("subscriptions.status.appStore"));
        assertThat(apple.secondary()).isEqualTo(Phrase.of("subscriptions.status.renews", MAY_3, GBP_39));
        assertThat(apple.secondaryTone()).isEqualTo(Tone.OK);
        assertThat(google.primary()).isEqualTo(Phrase.of("subscriptions.status.googlePlay"));
        assertThat(google.secondary().key()).isEqualTo("subscriptions.status.pastDueRetry");
        assertThat(google.secondaryTone()).isEqualTo(Tone.DANGER);
    }
}
