package com.coursedesk.service.subscriptions;

import com.coursedesk.data.db.ActionKind;
import com.coursedesk.data.db.ActionState;
import com.coursedesk.domain.Subscription;
import com.coursedesk.domain.SubscriptionStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.coursedesk.service.subscriptions.SubscriptionFixtures.GBP_39;
import static com.coursedesk.service.subscriptions.SubscriptionFixtures.NOW;
import static com.coursedesk.service.subscriptions.SubscriptionFixtures.action;
import static com.coursedesk.service.subscriptions.SubscriptionFixtures.refused;
import static com.coursedesk.service.subscriptions.SubscriptionFixtures.subscription;
import static org.assertj.core.api.Assertions.assertThat;

/** Pending, confirmed and refused actions in words, with the 48-hour warning. */
class ActionStatusLineTest {

    @Test
    void noActionNoLine() {
        assertThat(ActionStatusLine.of(SubscriptionFixtures.active(), null, NOW)).isEmpty();
    }

    @Test
    void aPendingCancellationFarFromThePaymentSaysItWillBeSentWithoutAWarning() {
        Subscription s = SubscriptionFixtures.active(); // renews in five days
        ActionStatusLine line = ActionStatusLine.of(s, action(1, ActionKind.CANCEL, s.id(), ActionState.PENDING), NOW)
                .orElseThrow();

        assertThat(line.line()).isEqualTo(Phrase.of("subscriptions.pending.cancel"));
        assertThat(line.tone()).isEqualTo(Tone.PENDING);
        assertThat(line.warning()).isNull();
    }

    @Test
    void aPendingCancellationWarnsWhenTheNextPaymentIsLessThan48HoursAway() {
        Subscription s = subscription("sub_soon").nextPayment(NOW.plus(Duration.ofHours(20)).plusSeconds(59), GBP_39)
                .build();

        ActionStatusLine line = ActionStatusLine.of(s, action(1, ActionKind.CANCEL, s.id(), ActionState.SENDING), NOW)
                .orElseThrow();

        assertThat(line.warning()).isEqualTo(Phrase.of("subscriptions.pending.paymentSoon", 20L));
    }

    @Test
    void theWarningWindowIsExactly48Hours() {
        Subscription at48 = subscription("a").nextPayment(NOW.plus(Duration.ofHours(48)), GBP_39).build();
        Subscription under = subscription("b").nextPayment(NOW.plus(Duration.ofHours(48)).minusSeconds(1), GBP_39).build();
        Subscription past = subscription("c").nextPayment(NOW.minusSeconds(1), GBP_39).build();

        assertThat(ActionStatusLine.of(at48, action(1, ActionKind.CANCEL, "a", ActionState.PENDING), NOW)
                .orElseThrow().warning()).isNull();
        assertThat(ActionStatusLine.of(under, action(1, ActionKind.CANCEL, "b", ActionState.PENDING), NOW)
                .orElseThrow().warning()).isEqualTo(Phrase.of("subscriptions.pending.paymentSoon", 47L));
        assertThat(ActionStatusLine.of(past, action(1, ActionKind.CANCEL, "c", ActionState.PENDING), NOW)
                .orElseThrow().warning()).isNull();
    }

    @Test
    void aTrialWithoutNextPaymentAtWarnsOnItsTrialEnd() {
        Instant end = NOW.plus(Duration.ofMinutes(30));
        Subscription s = subscription("t").status(SubscriptionStatus.TRIALING).trialEndsAt(end).period(NOW, end)
                .nextPayment(null, null).build();

        assertThat(ActionStatusLine.of(s, action(1, ActionKind.CANCEL, "t", ActionState.PENDING), NOW)
                .orElseThrow().warning()).isEqualTo(Phrase.of("subscriptions.pending.paymentSoon", 0L));
    }

    @Test
    void aPendingRestartOfASubscriptionSetToEndWarnsWhenAccessEndsWithin48Hours() {
        Subscription far = SubscriptionFixtures.setToEnd(); // access ends in five days
        Subscription close = subscription("close").cancelAtPeriodEnd(true).period(NOW.minus(Duration.ofDays(29)),
                NOW.plus(Duration.ofHours(10))).nextPayment(null, null).build();

        ActionStatusLine farLine = ActionStatusLine.of(far, action(1, ActionKind.RESTART, far.id(), ActionState.PENDING),
                NOW).orElseThrow();
        ActionStatusLine closeLine = ActionStatusLine.of(close, action(1, ActionKind.RESTART, "close",
                ActionState.PENDING), NOW).orElseThrow();

        assertThat(farLine.line()).isEqualTo(Phrase.of("subscriptions.pending.restart"));
        assertThat(farLine.warning()).isNull();
        assertThat(closeLine.warning()).isEqualTo(Phrase.of("subscriptions.pending.accessEndsSoon", 10L));
    }

    @Test
    void aConfirmedCancellationSaysWhenItWasCanceled() {
        Subscription s = SubscriptionFixtures.setToEnd();

        ActionStatusLine line = ActionStatusLine.of(s, action(1, ActionKind.CANCEL, s.id(), ActionState.CONFIRMED), NOW)
                .orElseThrow();

        assertThat(line.line()).isEqualTo(Phrase.of("subscriptions.outcome.canceled", s.canceledAt()));
        assertThat(line.tone()).isEqualTo(Tone.OK);
    }

    @Test
    void aConfirmedRestartSaysWhenTheProviderAnswered() {
        Subscription s = SubscriptionFixtures.active();

        ActionStatusLine line = ActionStatusLine.of(s, action(1, ActionKind.RESTART, s.id(), ActionState.CONFIRMED),
                NOW).orElseThrow();

        assertThat(line.line()).isEqualTo(Phrase.of("subscriptions.outcome.restarted", NOW.minus(Duration.ofMinutes(3))));
    }

    @Test
    void aRefusedRestartSaysWhyInPlainWords() {
        Subscription s = SubscriptionFixtures.ended();

        ActionStatusLine line = ActionStatusLine.of(s, refused(1, ActionKind.RESTART, s.id(), 402, "payment_failed",
                "Your card was declined."), NOW).orElseThrow();

        assertThat(line.line()).isEqualTo(Phrase.of("subscriptions.outcome.restartRefused",
                Phrase.of("subscriptions.refusal.paymentFailed")));
        assertThat(line.tone()).isEqualTo(Tone.DANGER);
    }

    @Test
    void eachContractRefusalHasItsOwnWordsAndAnUnknownOneShowsTheServersDetail() {
        Subscription s = SubscriptionFixtures.active();

        assertThat(reason(s, 409, "not_cancelable", null)).isEqualTo(Phrase.of("subscriptions.refusal.notCancelable"));
        assertThat(reason(s, 409, "not_restartable", null)).isEqualTo(Phrase.of("subscriptions.refusal.notRestartable"));
        assertThat(reason(s, 409, "managed_elsewhere", null))
                .isEqualTo(Phrase.of("subscriptions.refusal.managedElsewhere"));
        assertThat(reason(s, 404, "not_found", null)).isEqualTo(Phrase.of("subscriptions.refusal.notFound"));
        assertThat(reason(s, 409, "frozen", "The account is frozen."))
                .isEqualTo(Phrase.of("subscriptions.refusal.other", "The account is frozen."));
        assertThat(reason(s, 422, "idempotency_key_reused", null))
                .isEqualTo(Phrase.of("subscriptions.refusal.other", "idempotency_key_reused"));
    }

    private static Phrase reason(Subscription s, int status, String code, String detail) {
        Phrase line = ActionStatusLine.of(s, refused(1, ActionKind.CANCEL, s.id(), status, code, detail), NOW)
                .orElseThrow().line();
        assertThat(line.key()).isEqualTo("subscriptions.outcome.cancelRefused");
        return (Phrase) line.args().get(0);
    }
}
