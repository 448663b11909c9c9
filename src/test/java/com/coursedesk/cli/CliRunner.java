package com.coursedesk.cli;

import com.coursedesk.app.CoreServices;
import com.coursedesk.data.api.BillingApiClient;
import com.coursedesk.platform.AppDirectories;
import com.coursedesk.platform.credentials.UserOnlyFileCredentialStore;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Runs the command line in-process on one data folder, as a learner in London with a British
 * locale would, and captures what it prints. The core is the real one, except that sign-ins
 * go to a user-only file in the data folder rather than this machine's keyring.
 */
final class CliRunner {

    static final Locale LOCALE = Locale.UK;
    static final ZoneId ZONE = ZoneId.of("Europe/London");

    /** What one run printed and returned. */
    record Result(int code, String out, String err) {

        String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- out ---\n" + out + "--- err ---\n" + err;
        }
    }

    private final Path dataDir;
    private final Map<String, String> env = new HashMap<>();
    private PasswordSource terminal = prompt -> null;
    private Locale locale = LOCALE;
    private UnaryOperator<BillingApiClient.Builder> clientSettings = UnaryOperator.identity();
    private Function<AppDirectories, CoreServices> core;

    CliRunner(Path dataDir) {
        this.dataDir = dataDir;
    }

    Path dataDir() {
        return dataDir;
    }

    AppDirectories directories() {
        return new AppDirectories(dataDir);
    }

    CliRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** A terminal that answers the password prompt (by default there is no terminal). */
    CliRunner terminal(PasswordSource source) {
        this.terminal = source;
        return this;
    }

    /** Runs as a learner whose language is {@code learnerLocale} (by default British English). */
    CliRunner locale(Locale learnerLocale) {
        this.locale = learnerLocale;
        return this;
    }

    /** Adjusts the billing API clients the core builds (short timeouts). */
    CliRunner clients(UnaryOperator<BillingApiClient.Builder> settings) {
        this.clientSettings = settings;
        return this;
    }

    /** Builds the core with {@code factory} instead (a core that fails, or holds a failing store). */
    CliRunner core(Function<AppDirectories, CoreServices> factory) {
        this.core = factory;
        return this;
    }

    Result run(String... args) {
        return runWithInput("", args);
    }

    /** Runs with {@code stdin} as standard input; {@code --data-dir} is added. */
    Result runWithInput(String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data-dir");
        all.add(dataDir.toString());
        return runExactly(stdin, all.toArray(String[]::new));
    }

    /** Runs exactly {@code args} (no {@code --data-dir} added). */
    Result runExactly(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Function<AppDirectories, CoreServices> factory = core != null ? core : dirs -> new CoreServices(dirs,
                new UserOnlyFileCredentialStore(dirs.dataDir().resolve("credentials")), Clock.systemUTC(),
                clientSettings);
        Cli cli = new Cli(factory, env, terminal, locale, ZONE, false, dirs -> { });
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = cli.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), o, e);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
