package com.coursedesk.ui.subscriptions;

import com.coursedesk.domain.CancelReason;
import com.coursedesk.service.subscriptions.SubscriptionCard;
import com.coursedesk.service.subscriptions.SubscriptionsService;
import com.coursedesk.ui.common.Formats;
import com.coursedesk.ui.common.ImmediateTaskRunner;
import com.coursedesk.ui.common.Messages;
import com.coursedesk.ui.paperwork.PaperworkTestViews;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** Views of the Manage subscriptions page over fixed cards, for tests that only load or draw it. */
public final class SubscriptionsTestViews {

    private SubscriptionsTestViews() {
    }

    /** The page's controller over no subscriptions (what {@code FxmlLoadTest} loads). */
    public static SubscriptionsView emptyView(Messages messages) {
        return new SubscriptionsView(viewModel(messages, List.of()), messages,
                PaperworkTestViews.viewModel(messages));
    }

    public static SubscriptionsViewModel viewModel(Messages messages, List<SubscriptionCard> cards) {
        Formats formats = new Formats(messages.locale().getCountry().isEmpty() ? Locale.UK : messages.locale(),
                ZoneId.of("Europe/London"), messages);
        return new SubscriptionsViewModel(new FixedCards(cards), messages, formats, new ImmediateTaskRunner(),
                Clock.systemUTC(), () -> { });
    }

    /** Shows the given cards; every action is refused as if nothing could be queued. */
    record FixedCards(List<SubscriptionCard> cards) implements SubscriptionsService {

        @Override
        public List<SubscriptionCard> cards(Instant now, ZoneId zone) {
            return cards;
        }

        @Override
        public long cancel(String subscriptionId, CancelReason reason, String comment) {
            throw new UnsupportedOperationException("read-only test view");
        }

        @Override
        public long restart(String subscriptionId) {
            throw new UnsupportedOperationException("read-only test view");
        }

        @Override
        public long pause(String subscriptionId, LocalDate remindOn) {
            throw new UnsupportedOperationException("read-only test view");
        }

        @Override
        public void forgetReminder(String subscriptionId) {
            throw new UnsupportedOperationException("read-only test view");
        }
    }
}
