package com.coursedesk.cli;

import com.coursedesk.data.db.AccountStorePaths;
import com.coursedesk.data.db.ActionDao;
import com.coursedesk.domain.KnownAccount;
import com.coursedesk.service.auth.AccountSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * {@code forget}: removes an account's local copy and saved sign-in from this computer (the
 * session is ended on the server first, when it can be). Refuses while actions wait to be
 * sent, since removing the copy would lose them, unless {@code --force}.
 */
final class ForgetCommand implements Command {

    private static final Logger LOG = LoggerFactory.getLogger(ForgetCommand.class);

    private static final CommandSpec SPEC = new CommandSpec("forget", Set.of("data-dir", "account", "server",
            "force"), 0, 0, true);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(CliContext context, CliArgs args) {
        CliMessages messages = context.messages();
        KnownAccount account = context.account(args);
        int open = openActions(context, account);
        if (open > 0 && !args.flag("force")) {
            throw CliException.usage(messages.get("cli.forget.pendingActions", open, context.accountOptions(account)),
                    null);
        }
        if (context.core().credentials().read(account.credentialKey()).isPresent()) {
            try (AccountSession session = context.core().signIn().open(account)) {
                session.tokens().signOut();
            }
        }
        try {
            context.core().signIn().forget(account);
        } catch (IOException e) {
            // The file system's English goes to the log; the learner reads which folder is left.
            Path dir = AccountStorePaths.storeFile(context.core().directories().accountsDir(), account.accountId())
                    .getParent();
            LOG.warn("Removing the local copy of {} failed: {}", account.accountId(), String.valueOf(e));
            throw new CliException(ExitCode.ERROR, messages.get("cli.forget.failed", dir,
                    context.core().directories().logDir()));
        }
        context.out().println(messages.get("cli.forget.done", account.email(), context.describe(account.server())));
        return ExitCode.OK;
    }

    private static int openActions(CliContext context, KnownAccount account) {
        Optional<ReadOnlyStore> store = ReadOnlyStore.open(context.core().directories().accountsDir(),
                account.accountId());
        if (store.isEmpty()) {
            return 0;
        }
        try (ReadOnlyStore s = store.get()) {
            return s.read(new ActionDao()::openOldestFirst).size();
        }
    }
}
