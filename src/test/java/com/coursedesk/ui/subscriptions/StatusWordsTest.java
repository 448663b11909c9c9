package com.coursedesk.ui.subscriptions;

import com.coursedesk.data.db.ActionKind;
import com.coursedesk.data.db.ActionState;
import com.coursedesk.domain.Channel;
import com.coursedesk.domain.Subscription;
import com.coursedesk.service.subscriptions.ActionStatusLine;
import com.coursedesk.service.subscriptions.Phrase;
import com.coursedesk.service.subscriptions.SubscriptionFixtures;
import com.coursedesk.service.subscriptions.SubscriptionStatusLine;
import com.coursedesk.service.subscriptions.SubscriptionTerms;
import com.coursedesk.ui.common.Formats;
import com.coursedesk.ui.common.Messages;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import static com.coursedesk.service.subscriptions.SubscriptionFixtures.NOW;
import static com.coursedesk.service.subscriptions.SubscriptionFixtures.onChannel;
import static com.coursedesk.service.subscriptions.SubscriptionFixtures.refused;
import static org.assertj.core.api.Assertions.assertThat;

/** The status lines as the learner reads them, word for word, in English and Spanish. */
class StatusWordsTest {

    private static final Messages EN = Messages.load(Locale.UK);
    private static final PhraseRenderer ENGLISH = new PhraseRenderer(EN,
            new Formats(Locale.UK, ZoneId.of("Europe/London"), EN));
    private static final Messages ES = Messages.load(new Locale("es", "ES"));
    private static final PhraseRenderer SPANISH = new PhraseRenderer(ES,
            new Formats(new Locale("es", "ES"), ZoneId.of("Europe/Madrid"), ES));

    private static String en(Subscription s) {
        return ENGLISH.render(SubscriptionStatusLine.of(s, NOW).primary(), NOW);
    }

    @Test
    void everyStateInEnglish() {
        assertThat(en(SubscriptionFixtures.trial())).isEqualTo("Free trial — first payment of £39.00 on 3 May");
        assertThat(en(SubscriptionFixtures.active())).isEqualTo("Renews on 3 May for £39.00");
        assertThat(en(SubscriptionFixtures.setToEnd())).isEqualTo("Canceled — access until 3 May, no further payments");
        assertThat(en(SubscriptionFixtures.trialSetToEnd()))
                .isEqualTo("Trial canceled — access until 3 May, you will not be charged");
        assertThat(en(SubscriptionFixtures.pastDue()))
                .isEqualTo("Payment problem — the provider is retrying the payment (next try on 30 April)");
        assertThat(en(SubscriptionFixtures.ended())).isEqualTo("Ended on 3 March");
        assertThat(en(onChannel(SubscriptionFixtures.active(), Channel.APP_STORE)))
                .isEqualTo("Bought in the App Store — manage it there");
        assertThat(en(onChannel(SubscriptionFixtures.active(), Channel.GOOGLE_PLAY)))
                .isEqualTo("Bought on Google Play — manage it there");
    }

    @Test
    void datesInAnotherYearCarryTheYear() {
        Subscription yearly = SubscriptionFixtures.subscription("y")
                .nextPayment(Instant.parse("2027-01-15T10:00:00Z"), SubscriptionFixtures.GBP_39).build();

        assertThat(en(yearly)).isEqualTo("Renews on 15 January 2027 for £39.00");
    }

    @Test
    void pendingWarningAndRefusalInEnglish() {
        Subscription soon = SubscriptionFixtures.subscription("s")
                .nextPayment(NOW.plus(Duration.ofHours(20)), SubscriptionFixtures.GBP_39).build();
        ActionStatusLine pending = ActionStatusLine.of(soon,
                SubscriptionFixtures.action(1, ActionKind.CANCEL, "s", ActionState.PENDING), NOW).orElseThrow();
        ActionStatusLine declined = ActionStatusLine.of(SubscriptionFixtures.ended(),
                refused(2, ActionKind.RESTART, "sub_ended", 402, "payment_failed", "declined"), NOW).orElseThrow();

        assertThat(ENGLISH.render(pending.line(), NOW))
                .isEqualTo("Cancellation not yet confirmed by the provider — CourseDesk keeps sending it until the provider "
                        + "answers");
        assertThat(ENGLISH.render(pending.warning(), NOW)).isEqualTo("Your next payment is due in 20 hours: connect to "
                + "the internet so the cancellation reaches the provider before then");
        assertThat(ENGLISH.render(Phrase.of("subscriptions.pending.paymentSoon", 1L), NOW)).contains("due in 1 hour:");
        assertThat(ENGLISH.render(Phrase.of("subscriptions.pending.paymentSoon", 0L), NOW))
                .contains("due in less than an hour:");
        assertThat(ENGLISH.render(declined.line(), NOW))
                .isEqualTo("Restart not done. The provider could not charge your card; nothing changed.");
        assertThat(ENGLISH.render(Phrase.of("subscriptions.outcome.canceled", Instant.parse("2026-11-26T10:44:35Z")),
                NOW)).isEqualTo("Canceled on 26 November — confirmed by the provider");
        assertThat(ENGLISH.render(Phrase.of("subscriptions.deadlinesReset", Instant.parse("2026-11-26T10:44:35Z")),
                NOW)).isEqualTo("Personalized deadlines restarted on 26 November");
        assertThat(ENGLISH.render(Phrase.of("subscriptions.reminder.set", LocalDate.of(2026, 6, 12)), NOW))
                .isEqualTo("Reminder to restart on 12 June");
    }

    @Test
    void theTermsOfEachActionInEnglish() {
        assertThat(ENGLISH.render(SubscriptionTerms.restart(SubscriptionFixtures.ended(), NOW), NOW))
                .isEqualTo("Restart — €45.00 is charged today; your work is kept; your personalized deadlines start again.");
        assertThat(ENGLISH.render(SubscriptionTerms.cancel(SubscriptionFixtures.active()), NOW))
                .contains("until the current period ends on 3 May").contains("no partial refunds")
                .endsWith("Your work is kept; if you restart after 3 May, £39.00 is charged that day and your "
                        + "personalized deadlines start again.");
        assertThat(ENGLISH.render(SubscriptionTerms.cancel(SubscriptionFixtures.trial()), NOW))
                .contains("until the trial ends on 3 May").contains("no payment is taken at all")
                .endsWith("Your work is kept; if you restart after 3 May, £39.00 is charged that day (there is no "
                        + "second free trial) and your personalized deadlines start again.");
        // Its renewal failed: the period was never paid, so no word of "a period already paid".
        assertThat(ENGLISH.render(SubscriptionTerms.cancel(SubscriptionFixtures.pastDue()), NOW))
                .startsWith("Your last payment failed, so nothing was taken for the current period. If you cancel, "
                        + "the provider stops trying to take that payment and nothing more is charged; your access "
                        + "continues until 27 May.")
                .doesNotContain("already paid");
        assertThat(ENGLISH.render(SubscriptionTerms.restart(SubscriptionFixtures.setToEnd(), NOW), NOW))
                .endsWith("as before. Your personalized deadlines stay as they are.");
        assertThat(ENGLISH.render(SubscriptionTerms.pause(SubscriptionFixtures.active()), NOW))
                .isEqualTo("Pausing means canceling now and restarting later: access continues until 3 May, "
                        + "nothing more is charged, and your work is kept. Restarting after 3 May charges £39.00 that "
                        + "day and resets your personalized deadlines; restarting before then costs nothing and keeps "
                        + "them. CourseDesk reminds you on the day you choose.");
    }

    @Test
    void spanishWritesTheSameFactsItsOwnWay() {
        assertThat(SPANISH.render(SubscriptionStatusLine.of(SubscriptionFixtures.trial(), NOW).primary(), NOW))
                .isEqualTo("Prueba gratuita — primer pago de 39,00\u00a0GBP el 3 de mayo");
        assertThat(SPANISH.render(SubscriptionStatusLine.of(SubscriptionFixtures.active(), NOW).primary(), NOW))
                .isEqualTo("Se renueva el 3 de mayo por 39,00\u00a0GBP");
        assertThat(SPANISH.render(SubscriptionStatusLine.of(onChannel(SubscriptionFixtures.active(), Channel.APP_STORE),
                NOW).primary(), NOW)).isEqualTo("Comprada en la App Store — gestiónala allí");
    }
}
