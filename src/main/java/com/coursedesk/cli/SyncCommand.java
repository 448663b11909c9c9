package com.coursedesk.cli;

import com.coursedesk.data.db.ActionDao;
import com.coursedesk.data.db.ActionRecord;
import com.coursedesk.domain.KnownAccount;
import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.service.sync.SyncStatus;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code sync}: sends the actions waiting in the outbox, then fetches what changed, once.
 * Exit code: 0 up to date, 3 signed out, 4 offline, 5 the server failed or refused.
 */
final class SyncCommand implements Command {

    private static final CommandSpec SPEC = new CommandSpec("sync", Set.of("data-dir", "account", "server"), 0, 0,
            true);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(CliContext context, CliArgs args) {
        KnownAccount account = context.account(args);
        try (AccountSession session = context.core().signIn().open(account)) {
            if (session.storeWasRecovered()) {
                context.out().println(context.messages().get("cli.store.recovered",
                        session.openResult().movedAsideTo()));
            }
            ActionDao actions = new ActionDao();
            List<ActionRecord> waiting = session.store().read(actions::openOldestFirst);
            SyncRun sync = new SyncRun(context);
            SyncStatus end = sync.run(session);
            for (ActionRecord before : waiting) {
                Optional<ActionRecord> after = session.store().read(c -> actions.findById(c, before.id()));
                after.filter(a -> !a.state().isOpen())
                        .ifPresent(a -> context.out().println(ActionOutcome.sentLine(context, a)));
            }
            context.out().println(sync.describe(end, session));
            return SyncRun.exitCode(end);
        }
    }
}
