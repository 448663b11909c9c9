package com.coursedesk.cli;

import com.coursedesk.data.db.ActionDao;
import com.coursedesk.data.db.ActionRecord;
import com.coursedesk.data.db.StoredSubscription;
import com.coursedesk.data.db.SubscriptionDao;
import com.coursedesk.domain.Channel;
import com.coursedesk.domain.KnownAccount;
import com.coursedesk.domain.Subscription;
import com.coursedesk.domain.SubscriptionStatus;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code subscriptions [--status S] [--channel C] [--format table|csv|json]}: every
 * subscription in the local copy with its state and what happens next. Never needs the
 * network.
 */
final class SubscriptionsCommand implements Command {

    private static final CommandSpec SPEC = new CommandSpec("subscriptions", Set.of("data-dir", "account", "server",
            "status", "channel", "format", "csv"), 0, 0, false);
    private static final int TITLE_WIDTH = 40;

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(CliContext context, CliArgs args) {
        OutputFormat format = OutputFormat.of(context, args, Set.of(OutputFormat.values()), "subscriptions");
        Set<SubscriptionStatus> statuses = Filters.parse(context, args, "status", SubscriptionStatus.class,
                "subscriptions");
        Set<Channel> channels = Filters.parse(context, args, "channel", Channel.class, "subscriptions");
        KnownAccount account = context.account(args);
        Optional<ReadOnlyStore> opened = ReadOnlyStore.open(context.core().directories().accountsDir(),
                account.accountId());
        List<StoredSubscription> rows = List.of();
        Map<Long, ActionRecord> pending = Map.of();
        if (opened.isEmpty()) {
            context.err().println(context.messages().get("cli.list.noCopy", account.email(),
                    context.accountOptions(account)));
        } else {
            try (ReadOnlyStore store = opened.get()) {
                rows = store.read(c -> new SubscriptionDao().findAll(c));
                pending = store.read(c -> PurchasesCommand.pendingActions(c, new ActionDao()));
            }
        }
        rows = rows.stream()
                .filter(r -> statuses.isEmpty() || statuses.contains(r.subscription().status()))
                .filter(r -> channels.isEmpty() || channels.contains(r.subscription().channel()))
                .toList();
        switch (format) {
            case JSON -> json(context, rows, pending);
            case CSV -> csv(context, rows, pending);
            default -> table(context, rows, pending);
        }
        return ExitCode.OK;
    }

    private static void table(CliContext context, List<StoredSubscription> rows, Map<Long, ActionRecord> pending) {
        CliMessages messages = context.messages();
        if (rows.isEmpty()) {
            context.out().println(messages.get("cli.subscriptions.none"));
            return;
        }
        RecordWords words = new RecordWords(context);
        TextTable table = new TextTable()
                .column(messages.get("cli.subscriptions.column.id"), 0)
                .column(messages.get("cli.subscriptions.column.title"), TITLE_WIDTH)
                .column(messages.get("cli.subscriptions.column.plan"), 0)
                .column(messages.get("cli.subscriptions.column.channel"), 0)
                .column(messages.get("cli.subscriptions.column.state"), 0);
        for (StoredSubscription row : rows) {
            Subscription s = row.subscription();
            String state = words.subscriptionState(s);
            ActionRecord action = row.pendingActionId() == null ? null : pending.get(row.pendingActionId());
            if (action != null) {
                state = messages.get("cli.list.pendingMark", state, ActionOutcome.kind(context, action));
            }
            table.row(s.id(), s.product().title(), words.plan(s), words.channel(s.channel()), state);
        }
        table.print(context.out());
        context.out().println();
        context.out().println(messages.get("cli.subscriptions.summary", rows.size()));
    }

    private static void csv(CliContext context, List<StoredSubscription> rows, Map<Long, ActionRecord> pending) {
        Csv csv = new Csv(context.out());
        csv.row(List.of("id", "title", "partner", "product_type", "plan_interval", "plan_price", "currency", "channel",
                "status", "started_at", "trial_ends_at", "current_period_end", "cancel_at_period_end", "canceled_at",
                "ended_at", "next_payment_at", "next_payment_amount", "pending_action"));
        DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(context.format().zone());
        for (StoredSubscription row : rows) {
            Subscription s = row.subscription();
            ActionRecord action = row.pendingActionId() == null ? null : pending.get(row.pendingActionId());
            csv.row(Arrays.asList(s.id(), s.product().title(), s.product().partner(), s.product().type().wireName(),
                    s.plan().interval().wireName(), s.plan().price().toDecimal().toPlainString(),
                    s.plan().price().currency().getCurrencyCode(), s.channel().wireName(), s.status().wireName(),
                    instant(iso, s.startedAt()), instant(iso, s.trialEndsAt()), instant(iso, s.currentPeriodEnd()),
                    String.valueOf(s.cancelAtPeriodEnd()), instant(iso, s.canceledAt()), instant(iso, s.endedAt()),
                    instant(iso, s.nextPaymentAt()),
                    s.nextPaymentAmount() == null ? "" : s.nextPaymentAmount().toDecimal().toPlainString(),
                    action == null ? "" : action.kind().wireName()));
        }
    }

    private static void json(CliContext context, List<StoredSubscription> rows, Map<Long, ActionRecord> pending) {
        CliJson.printArray(context.out(), rows, row -> CliJson.subscription(row.subscription(),
                row.pendingActionId() == null ? null : pending.get(row.pendingActionId())));
    }

    private static String instant(DateTimeFormatter iso, Instant instant) {
        return instant == null ? "" : iso.format(instant);
    }
}
