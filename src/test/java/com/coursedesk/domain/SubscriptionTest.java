package com.coursedesk.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionTest {

    private static final Instant START = Instant.parse("2026-10-01T09:00:00Z");
    private static final Instant PERIOD_END = Instant.parse("2026-11-01T09:00:00Z");
    private static final Instant TRIAL_END = Instant.parse("2026-10-08T09:00:00Z");
    private static final Instant MID = Instant.parse("2026-10-05T12:00:00Z");

    private static Subscription subscription(Channel channel, SubscriptionStatus status, boolean cancelAtPeriodEnd) {
        boolean trial = status == SubscriptionStatus.TRIALING;
        boolean canceled = status == SubscriptionStatus.CANCELED;
        Money price = Money.of(4900, "GBP");
        Instant next = canceled || cancelAtPeriodEnd ? null : (trial ? TRIAL_END : PERIOD_END);
        return new Subscription("sub_1",
                new Product("prd_1", "Machine Learning", ProductType.PLUS, "Stanford University"),
                new Plan("plan_1", BillingInterval.MONTH, price),
                channel, status, START,
                trial ? TRIAL_END : null,
                START, trial ? TRIAL_END : PERIOD_END,
                cancelAtPeriodEnd,
                cancelAtPeriodEnd || canceled ? MID.minus(Duration.ofDays(1)) : null,
                canceled ? MID.minus(Duration.ofHours(1)) : null,
                next, next == null ? null : price,
                null, MID, 3);
    }

    @Test
    void runningWebSubscriptionCanBeCanceledNotRestarted() {
        Subscription s = subscription(Channel.WEB, SubscriptionStatus.ACTIVE, false);
        assertThat(s.isManagedHere()).isTrue();
        assertThat(s.isSetToEnd()).isFalse();
        assertThat(s.hasAccess(MID)).isTrue();
        // Renewal is the server's job: a stale local copy past its period still has access.
        assertThat(s.hasAccess(PERIOD_END.plus(Duration.ofDays(3)))).isTrue();
        assertThat(s.isCancelable()).isTrue();
        assertThat(s.isRestartable()).isFalse();
    }

    @Test
    void subscriptionSetToEndKeepsAccessUntilThePeriodEndsThenLosesIt() {
        Subscription s = subscription(Channel.WEB, SubscriptionStatus.ACTIVE, true);
        assertThat(s.isSetToEnd()).isTrue();
        assertThat(s.isCancelable()).isFalse();
        assertThat(s.isRestartable()).isTrue();
        assertThat(s.accessEndsAt()).isEqualTo(PERIOD_END);
        assertThat(s.hasAccess(PERIOD_END.minusSeconds(1))).isTrue();
        assertThat(s.hasAccess(PERIOD_END)).isFalse();
        assertThat(s.hasAccess(PERIOD_END.plusSeconds(1))).isFalse();
    }

    @Test
    void trialSetToEndLastsUntilTheTrialsEnd() {
        Subscription s = subscription(Channel.WEB, SubscriptionStatus.TRIALING, true);
        assertThat(s.isSetToEnd()).isTrue();
        assertThat(s.accessEndsAt()).isEqualTo(TRIAL_END);
        assertThat(s.hasAccess(TRIAL_END.minusSeconds(1))).isTrue();
        assertThat(s.hasAccess(TRIAL_END)).isFalse();
    }

    @Test
    void pastDueKeepsAccessWhilePaymentIsRetriedAndCanBeCanceled() {
        Subscription s = subscription(Channel.WEB, SubscriptionStatus.PAST_DUE, false);
        assertThat(s.hasAccess(MID)).isTrue();
        assertThat(s.isCancelable()).isTrue();
        assertThat(s.isRestartable()).isFalse();
    }

    @Test
    void canceledSubscriptionHasNoAccessAndCanOnlyBeRestarted() {
        Subscription s = subscription(Channel.WEB, SubscriptionStatus.CANCELED, true);
        assertThat(s.isSetToEnd()).as("already ended, not 'set to end'").isFalse();
        assertThat(s.hasAccess(MID)).isFalse();
        assertThat(s.hasAccess(START)).isFalse();
        assertThat(s.isCancelable()).isFalse();
        assertThat(s.isRestartable()).isTrue();
    }

    @Test
    void storeSubscriptionsOfferNoActionHereButStillGrantAccess() {
        for (Channel store : new Channel[] {Channel.APP_STORE, Channel.GOOGLE_PLAY}) {
            Subscription running = subscription(store, SubscriptionStatus.ACTIVE, false);
            Subscription ending = subscription(store, SubscriptionStatus.ACTIVE, true);
            Subscription ended = subscription(store, SubscriptionStatus.CANCELED, false);
            assertThat(running.isManagedHere()).isFalse();
            assertThat(running.isCancelable()).isFalse();
            assertThat(ending.isRestartable()).isFalse();
            assertThat(ended.isRestartable()).isFalse();
            assertThat(running.hasAccess(MID)).isTrue();
            assertThat(ending.isSetToEnd()).isTrue();
        }
    }
}
