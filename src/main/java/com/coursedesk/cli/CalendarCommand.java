package com.coursedesk.cli;

import com.coursedesk.data.db.PurchaseDao;
import com.coursedesk.data.db.PurchaseQuery;
import com.coursedesk.data.db.StoredPurchase;
import com.coursedesk.data.db.StoredSubscription;
import com.coursedesk.data.db.SubscriptionDao;
import com.coursedesk.domain.Channel;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.PurchaseStatus;
import com.coursedesk.domain.Subscription;
import com.coursedesk.service.upcoming.UpcomingEvents;
import com.coursedesk.service.upcoming.UpcomingService;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code calendar [--output FILE.ics] [--remind-days N]}: the coming money events (the
 * Upcoming list: trial conversions, renewals, payment retries, refund windows closing, access
 * ending, restart reminders) as an iCalendar file, each with a reminder N days before (by
 * default the app's setting).
 */
final class CalendarCommand implements Command {

    private static final CommandSpec SPEC = new CommandSpec("calendar", Set.of("data-dir", "account", "server",
            "output", "remind-days"), 0, 0, false);
    static final String DEFAULT_FILE = "coursedesk-upcoming.ics";

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(CliContext context, CliArgs args) {
        CliMessages messages = context.messages();
        AppPreferences preferences = AppPreferences.read(context.core().directories().settingsDir());
        int days = remindDays(context, args, preferences);
        try (PaperworkAccess access = PaperworkAccess.open(context, args)) {
            Path file = PaperworkAccess.output(context, args, "calendar", DEFAULT_FILE);
            int count;
            try {
                count = access.paperwork().saveCalendar(upcoming(access.store(), preferences.restartReminders()),
                        days, file);
            } catch (IOException e) {
                throw PaperworkAccess.writeFailed(context, file, e);
            }
            context.out().println(messages.get("cli.calendar.done", count, file, days));
            context.out().println(messages.get("cli.calendar.import"));
        }
        return ExitCode.OK;
    }

    /** The same events as the Upcoming screen, from the read-only copy. */
    private static UpcomingService upcoming(ReadOnlyStore store, Map<String, LocalDate> reminders) {
        // Only paid web purchases can have an open refund window, as the Upcoming screen reads them.
        PurchaseQuery refundable = PurchaseQuery.all().withStatuses(Set.of(PurchaseStatus.PAID))
                .withChannels(Set.of(Channel.WEB));
        return (now, zone) -> {
            List<Subscription> subs = store.read(c -> new SubscriptionDao().findAll(c)).stream()
                    .map(StoredSubscription::subscription).toList();
            List<Purchase> paid = store.read(c -> new PurchaseDao().search(c, refundable)).stream()
                    .map(StoredPurchase::purchase).toList();
            return UpcomingEvents.from(subs, paid, reminders, now, zone);
        };
    }

    private static int remindDays(CliContext context, CliArgs args, AppPreferences preferences) {
        if (args.value("remind-days").isEmpty()) {
            return preferences.reminderDays();
        }
        String text = args.value("remind-days").get().trim();
        if (!text.matches("\\d{1,2}") || Integer.parseInt(text) > AppPreferences.MAX_REMINDER_DAYS) {
            throw CliException.usage(context.messages().get("cli.calendar.badDays", text,
                    AppPreferences.MAX_REMINDER_DAYS), "calendar");
        }
        return Integer.parseInt(text);
    }
}
