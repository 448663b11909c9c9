package com.coursedesk.cli;

import com.coursedesk.data.db.ActionDao;
import com.coursedesk.data.db.ActionRecord;
import com.coursedesk.domain.KnownAccount;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code history} (also {@code actions}): every action asked for on this computer, newest
 * first, with its idempotency key and the provider's answer and time: the learner's proof
 * of a cancellation. From the local copy only.
 */
final class HistoryCommand implements Command {

    private final CommandSpec spec;

    /** @param name {@code history} or its alias {@code actions} */
    HistoryCommand(String name) {
        this.spec = new CommandSpec(name, Set.of("data-dir", "account", "server", "format", "csv"), 0, 0, false);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public int run(CliContext context, CliArgs args) {
        OutputFormat format = OutputFormat.of(context, args, Set.of(OutputFormat.values()), spec.name());
        KnownAccount account = context.account(args);
        Optional<ReadOnlyStore> opened = ReadOnlyStore.open(context.core().directories().accountsDir(),
                account.accountId());
        List<ActionRecord> actions = List.of();
        if (opened.isEmpty()) {
            context.err().println(context.messages().get("cli.list.noCopy", account.email(),
                    context.accountOptions(account)));
        } else {
            try (ReadOnlyStore store = opened.get()) {
                actions = store.read(new ActionDao()::history);
            }
        }
        switch (format) {
            case JSON -> CliJson.printArray(context.out(), actions, CliJson::action);
            case CSV -> csv(context, actions);
            default -> text(context, actions);
        }
        return ExitCode.OK;
    }

    private static void text(CliContext context, List<ActionRecord> actions) {
        CliMessages messages = context.messages();
        if (actions.isEmpty()) {
            context.out().println(messages.get("cli.history.none"));
            return;
        }
        CliFormat format = context.format();
        boolean first = true;
        for (ActionRecord a : actions) {
            if (!first) {
                context.out().println();
            }
            first = false;
            context.out().println(messages.get("cli.history.title", String.valueOf(a.id()),
                    format.dateTime(a.createdAt()), ActionOutcome.kind(context, a), a.targetId()));
            new Labelled("  ")
                    .add(messages.get("cli.history.key"), a.idempotencyKey())
                    .add(messages.get("cli.history.state"), ActionOutcome.state(context, a.state())
                            + (a.state().isOpen() && a.attempts() > 0
                            ? " " + messages.get("cli.history.attempts", a.attempts()) : ""))
                    .add(messages.get("cli.history.answer"), ActionOutcome.answer(a))
                    .add(messages.get("cli.history.serverTime"), a.serverTime() == null ? "-"
                            : format.dateTime(a.serverTime()))
                    .print(context.out());
        }
    }

    private static void csv(CliContext context, List<ActionRecord> actions) {
        Csv csv = new Csv(context.out());
        csv.row(List.of("action_id", "asked_at", "kind", "target_type", "target_id", "idempotency_key", "state",
                "attempts", "server_status", "server_code", "server_detail", "server_time", "answered_at"));
        DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(context.format().zone());
        for (ActionRecord a : actions) {
            csv.row(Arrays.asList(String.valueOf(a.id()), instant(iso, a.createdAt()), a.kind().wireName(),
                    a.targetType().wireName(), a.targetId(), a.idempotencyKey(), a.state().wireName(),
                    String.valueOf(a.attempts()), a.serverStatus() == null ? "" : String.valueOf(a.serverStatus()),
                    a.serverCode(), a.serverDetail(), instant(iso, a.serverTime()), instant(iso, a.answeredAt())));
        }
    }

    private static String instant(DateTimeFormatter iso, Instant instant) {
        return instant == null ? "" : iso.format(instant);
    }
}
