package com.coursedesk.cli;

import com.coursedesk.app.CoreServices;
import com.coursedesk.domain.KnownAccount;
import com.coursedesk.domain.ServerRef;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a running command works with: its streams, texts and formats, the environment, and
 * the core services for the chosen data folder.
 *
 * @param interactive whether standard error is a terminal (progress redraws one line)
 */
record CliContext(PrintStream out, PrintStream err, InputStream in, CliMessages messages, CliFormat format,
                  Map<String, String> env, PasswordSource passwords, boolean interactive, CoreServices core) {

    /** The server named by {@code --server}: {@code demo} or a provider's address. */
    ServerRef server(String text) {
        if (text.trim().equalsIgnoreCase(ServerRef.DEMO.value())) {
            return ServerRef.DEMO;
        }
        try {
            return ServerRef.ofUrl(text);
        } catch (ServerRef.InvalidAddressException e) {
            throw CliException.usage(messages.get("cli.error.badServer", text,
                    messages.get(e.problem().messageKey())), null);
        }
    }

    /** The server as the learner reads it. */
    String describe(ServerRef server) {
        return server.isDemo() ? messages.get("cli.server.demo") : server.value();
    }

    /**
     * The account the command is for: the one {@code --account} (and {@code --server}) names,
     * or the only one on this computer.
     */
    KnownAccount account(CliArgs args) {
        List<KnownAccount> known = core.signIn().knownAccounts();
        if (known.isEmpty()) {
            throw new CliException(ExitCode.SIGNED_OUT, messages.get("cli.error.noAccounts"));
        }
        Optional<String> email = args.value("account").map(String::trim);
        Optional<ServerRef> server = args.value("server").map(this::server);
        List<KnownAccount> matching = known.stream()
                .filter(a -> email.isEmpty() || a.email().equalsIgnoreCase(email.get()))
                .filter(a -> server.isEmpty() || a.server().equals(server.get()))
                .toList();
        if (matching.size() == 1) {
            return matching.get(0);
        }
        if (matching.isEmpty()) {
            throw new CliException(ExitCode.SIGNED_OUT, messages.get("cli.error.noSuchAccount",
                    email.orElse("") + server.map(s -> " (" + describe(s) + ")").orElse(""), list(known)));
        }
        throw CliException.usage(messages.get("cli.error.chooseAccount", list(matching)), null);
    }

    private String list(List<KnownAccount> accounts) {
        return accounts.stream().map(a -> "  " + a.email() + "  (" + describe(a.server()) + ")")
                .collect(Collectors.joining(System.lineSeparator()));
    }

    /** The options to name this account again in a suggested command. */
    String accountOptions(KnownAccount account) {
        return "--account " + account.email();
    }

    Locale locale() {
        return format.locale();
    }
}
