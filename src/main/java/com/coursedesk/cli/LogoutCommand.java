package com.coursedesk.cli;

import com.coursedesk.data.db.AccountStorePaths;
import com.coursedesk.domain.KnownAccount;
import com.coursedesk.service.auth.AccountSession;

import java.nio.file.Path;
import java.util.Set;

/**
 * {@code logout}: ends the session on the server when it can be reached and forgets the saved
 * sign-in here. The local copy stays (readable offline) until {@code forget} removes it.
 */
final class LogoutCommand implements Command {

    private static final CommandSpec SPEC = new CommandSpec("logout", Set.of("data-dir", "account", "server"), 0, 0,
            true);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(CliContext context, CliArgs args) {
        CliMessages messages = context.messages();
        KnownAccount account = context.account(args);
        if (context.core().credentials().read(account.credentialKey()).isEmpty()) {
            context.out().println(messages.get("cli.logout.notSignedIn", account.email()));
        } else {
            boolean revoked;
            // Signing out goes through the account's own session, the one that holds its tokens.
            try (AccountSession session = context.core().signIn().open(account)) {
                revoked = session.tokens().signOut();
            }
            context.out().println(messages.get(revoked ? "cli.logout.revoked" : "cli.logout.forgottenOnly",
                    account.email()));
        }
        Path folder = AccountStorePaths.storeFile(context.core().directories().accountsDir(), account.accountId())
                .getParent();
        context.out().println(messages.get("cli.logout.keptCopy", folder, context.accountOptions(account)));
        return ExitCode.OK;
    }
}
