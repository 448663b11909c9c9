package com.coursedesk.cli;

import com.coursedesk.domain.KnownAccount;
import com.coursedesk.domain.ServerRef;
import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.service.auth.SignInException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * {@code login --server demo|URL --email EMAIL [--password-stdin]}. The password comes from
 * the terminal without echo, from one line of standard input, or from
 * {@value #PASSWORD_VARIABLE}; never from an argument (other users see those in the process
 * list), and it is never printed or logged.
 */
final class LoginCommand implements Command {

    static final String PASSWORD_VARIABLE = "COURSEDESK_PASSWORD";

    private static final CommandSpec SPEC = new CommandSpec("login",
            Set.of("data-dir", "server", "email", "password-stdin"), 0, 0, true);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(CliContext context, CliArgs args) {
        CliMessages messages = context.messages();
        String serverText = args.value("server")
                .orElseThrow(() -> CliException.usage(messages.get("cli.login.needServer"), "login"));
        String email = args.value("email")
                .orElseThrow(() -> CliException.usage(messages.get("cli.login.needEmail"), "login"));
        ServerRef server = context.server(serverText);
        char[] password = password(context, args, email);
        try (AccountSession session = context.core().signIn().signIn(server, email, password)) {
            KnownAccount account = session.account();
            context.out().println(messages.get("cli.login.done", account.displayName(), account.email(),
                    context.describe(server)));
            if (session.storeWasRecovered()) {
                context.out().println(messages.get("cli.store.recovered", session.openResult().movedAsideTo()));
            }
            context.out().println(messages.get("cli.login.next", context.accountOptions(account)));
            return ExitCode.OK;
        } catch (SignInException e) {
            throw failure(context, e, server);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static CliException failure(CliContext context, SignInException e, ServerRef server) {
        CliMessages messages = context.messages();
        return switch (e.reason()) {
            case WRONG_CREDENTIALS -> new CliException(ExitCode.SIGNED_OUT, messages.get("cli.login.wrongPassword"));
            case RATE_LIMITED -> new CliException(ExitCode.REFUSED, messages.get("cli.login.rateLimited",
                    Math.max(1, (e.retryAfter().toSeconds() + 59) / 60)));
            case UNREACHABLE -> new CliException(ExitCode.OFFLINE, messages.get("cli.login.unreachable"));
            case TIMED_OUT -> new CliException(ExitCode.OFFLINE, messages.get("cli.login.timedOut"));
            // Exit 4 as before: no usable connection (scripts keep their meaning); the words say which.
            case UNTRUSTED_CERTIFICATE -> new CliException(ExitCode.OFFLINE,
                    messages.get("cli.login.untrustedCertificate"));
            // The status and the cause are in the log; the learner reads their own language only.
            case SERVER_FAILED -> new CliException(ExitCode.REFUSED, messages.get("cli.login.serverFailed"));
            case NOT_A_BILLING_SERVER -> new CliException(ExitCode.REFUSED,
                    messages.get("cli.login.notBillingServer", context.describe(server)));
            case INVALID_INPUT -> CliException.usage(messages.get("cli.login.invalid"), "login");
            case INPUT_REFUSED -> CliException.usage(messages.get("cli.login.inputRefused"), "login");
        };
    }

    private static char[] password(CliContext context, CliArgs args, String email) {
        CliMessages messages = context.messages();
        if (args.flag("password-stdin")) {
            char[] line = readLine(context.in());
            if (line.length == 0) {
                throw CliException.usage(messages.get("cli.login.emptyPassword"), "login");
            }
            return line;
        }
        String fromEnvironment = context.env().get(PASSWORD_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment.toCharArray();
        }
        char[] typed = context.passwords().read(messages.get("cli.login.prompt", email) + " ");
        if (typed == null) {
            throw CliException.usage(messages.get("cli.login.noTerminal", PASSWORD_VARIABLE), "login");
        }
        if (typed.length == 0) {
            throw CliException.usage(messages.get("cli.login.emptyPassword"), "login");
        }
        return typed;
    }

    /** One line of {@code in} (without its line ending), as characters that can be wiped. */
    private static char[] readLine(InputStream in) {
        char[] buffer = new char[64];
        int length = 0;
        try {
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            int c;
            while ((c = reader.read()) != -1 && c != '\n') {
                if (length == buffer.length) {
                    char[] bigger = Arrays.copyOf(buffer, buffer.length * 2);
                    Arrays.fill(buffer, '\0');
                    buffer = bigger;
                }
                buffer[length++] = (char) c;
            }
        } catch (IOException e) {
            Arrays.fill(buffer, '\0');
            throw new CliException(ExitCode.ERROR, e.getMessage());
        }
        if (length > 0 && buffer[length - 1] == '\r') {
            length--;
        }
        char[] line = Arrays.copyOf(buffer, length);
        Arrays.fill(buffer, '\0');
        return line;
    }
}
