package com.coursedesk.cli;

import com.coursedesk.LaunchMode;
import com.coursedesk.app.CoreServices;
import com.coursedesk.data.db.ActionKind;
import com.coursedesk.data.db.StoreException;
import com.coursedesk.platform.AppDirectories;
import com.coursedesk.platform.InstanceLock;
import com.coursedesk.platform.credentials.CredentialStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The headless command line, on the same core as the window: {@code coursedesk [cli] COMMAND
 * [OPTIONS]}. Commands that change local data take the data folder's instance lock first,
 * so they never run beside the app or each other (exit 6, nothing touched); the others only
 * read and run any time. Exit codes are in {@link ExitCode}.
 */
public final class Cli {

    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    private final Function<AppDirectories, CoreServices> coreFactory;
    private final Map<String, String> env;
    private final PasswordSource passwords;
    private final Locale locale;
    private final ZoneId zone;
    private final boolean interactive;
    private final Consumer<AppDirectories> logSetup;
    private final Map<String, Command> commands = new LinkedHashMap<>();

    /**
     * @param coreFactory builds the core for the chosen data folder (tests pass one with a
     *                    file credential store)
     * @param env         environment variables ({@value LoginCommand#PASSWORD_VARIABLE})
     * @param interactive whether standard error is a terminal
     * @param logSetup    where the log goes, once the data folder is known
     */
    Cli(Function<AppDirectories, CoreServices> coreFactory, Map<String, String> env, PasswordSource passwords,
        Locale locale, ZoneId zone, boolean interactive, Consumer<AppDirectories> logSetup) {
        this.coreFactory = Objects.requireNonNull(coreFactory, "coreFactory");
        this.env = Map.copyOf(env);
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.locale = Objects.requireNonNull(locale, "locale");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.interactive = interactive;
        this.logSetup = Objects.requireNonNull(logSetup, "logSetup");
        for (Command command : List.of(new LoginCommand(), new LogoutCommand(), new ForgetCommand(),
                new StatusCommand(), new SyncCommand(), new PurchasesCommand(), new SubscriptionsCommand(),
                new HistoryCommand("history"), new HistoryCommand("actions"), new ActionCommand(ActionKind.CANCEL),
                new ActionCommand(ActionKind.RESTART), new ActionCommand(ActionKind.REFUND), new ReceiptCommand(),
                new ExportCommand(), new CalendarCommand(), new ProofCommand())) {
            commands.put(command.spec().name(), command);
        }
    }

    /** The command line as the learner runs it: their data folder, terminal, language and zone. */
    public static Cli forUser() {
        return new Cli(CoreServices::forUser, System.getenv(), PasswordSource.systemConsole(),
                Locale.getDefault(Locale.Category.FORMAT), ZoneId.systemDefault(), System.console() != null,
                dirs -> CliLogging.toFile(dirs.logDir()));
    }

    /**
     * Whether {@code args} (as given to {@code coursedesk.jar}) ask for the command line rather
     * than the window: {@code cli ...}, {@code help}/{@code --help}, or a first word after
     * {@code --data-dir DIR}. No arguments, or another option first, start the window.
     */
    public static boolean isCommandLine(String[] args) {
        // One rule for the launcher and the command line: LaunchMode decides before this class loads.
        return LaunchMode.isCommandLine(args);
    }

    /** Runs one command; returns its exit code. */
    public int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        CliMessages messages = CliMessages.load(locale);
        String[] rest = args.length > 0 && args[0].equals("cli") ? Arrays.copyOfRange(args, 1, args.length) : args;
        try {
            CliArgs parsed = CliArgs.parse(rest, messages);
            String name = parsed.command();
            if (name == null || name.equals("help")) {
                return help(parsed, messages, out, err);
            }
            Command command = commands.get(name);
            if (command == null) {
                throw CliException.usage(messages.get("cli.error.unknownCommand", name), "");
            }
            if (parsed.flag("help")) {
                out.println(usage(messages, name));
                return ExitCode.OK;
            }
            check(command.spec(), parsed, messages);
            return execute(command, parsed, messages, in, out, err);
        } catch (CliException e) {
            err.println(e.getMessage());
            if (e.usageOf() != null) {
                err.println();
                err.println(usage(messages, e.usageOf()));
            }
            return e.exitCode();
        }
    }

    private int help(CliArgs parsed, CliMessages messages, PrintStream out, PrintStream err) {
        if (parsed.command() == null && !parsed.flag("help")) {
            err.println(usage(messages, ""));
            return ExitCode.USAGE;
        }
        String topic = parsed.words().isEmpty() ? "" : parsed.words().get(0);
        if (!topic.isEmpty() && !commands.containsKey(topic)) {
            throw CliException.usage(messages.get("cli.error.unknownCommand", topic), "");
        }
        out.println(usage(messages, topic));
        return ExitCode.OK;
    }

    private static void check(CommandSpec spec, CliArgs args, CliMessages messages) {
        for (String option : args.optionNames()) {
            if (!option.equals("help") && !spec.options().contains(option)) {
                throw CliException.usage(messages.get("cli.error.optionNotHere", "--" + option, spec.name()),
                        spec.name());
            }
        }
        if (args.words().size() < spec.minWords()) {
            throw CliException.usage(messages.get("cli.error.missingId", spec.name()), spec.name());
        }
        if (args.words().size() > spec.maxWords()) {
            throw CliException.usage(messages.get("cli.error.extraWord", args.words().get(spec.maxWords())),
                    spec.name());
        }
    }

    private int execute(Command command, CliArgs args, CliMessages messages, InputStream in, PrintStream out,
                        PrintStream err) {
        AppDirectories dirs;
        try {
            dirs = AppDirectories.forCurrentProcess(args.value("data-dir").map(Path::of).orElse(null));
        } catch (InvalidPathException e) {
            throw CliException.usage(messages.get("cli.error.badDataDir", e.getInput()), command.spec().name());
        }
        logSetup.accept(dirs);
        InstanceLock lock = null;
        if (command.spec().writes()) {
            lock = lock(dirs, messages);
        }
        try (CoreServices core = coreFactory.apply(dirs)) {
            CliContext context = new CliContext(out, err, in, messages, new CliFormat(locale, zone), env, passwords,
                    interactive, core);
            LOG.info("Command {} in {}", command.spec().name(), dirs.dataDir());
            return command.run(context, args);
        } catch (CliException e) {
            throw e;
        } catch (StoreException e) {
            LOG.error("Command {} failed in the local store", command.spec().name(), e);
            throw new CliException(ExitCode.ERROR, messages.get("cli.error.store", dirs.dataDir(),
                    dirs.logDir()));
        } catch (CredentialStoreException e) {
            LOG.error("Command {} failed in the credential store", command.spec().name(), e);
            throw new CliException(ExitCode.ERROR, messages.get("cli.error.credentials", dirs.logDir()));
        } catch (RuntimeException e) {
            LOG.error("Command {} failed", command.spec().name(), e);
            throw new CliException(ExitCode.ERROR, messages.get("cli.error.unexpected", dirs.logDir()));
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    private static InstanceLock lock(AppDirectories dirs, CliMessages messages) {
        InstanceLock.Result result = InstanceLock.tryAcquire(dirs.lockFile());
        if (result instanceof InstanceLock.Acquired acquired) {
            return acquired.lock();
        }
        if (result instanceof InstanceLock.HeldElsewhere held) {
            throw new CliException(ExitCode.LOCKED, messages.get("cli.error.running", held.holder(),
                    dirs.dataDir()));
        }
        InstanceLock.Unavailable unavailable = (InstanceLock.Unavailable) result;
        throw new CliException(ExitCode.ERROR, messages.get("cli.error.lockUnavailable", unavailable.lockFile(),
                String.valueOf(unavailable.cause().getMessage())));
    }

    private String usage(CliMessages messages, String command) {
        return switch (command) {
            case "" -> generalUsage(messages);
            case "login" -> messages.get("cli.usage.login");
            case "logout" -> messages.get("cli.usage.logout");
            case "forget" -> messages.get("cli.usage.forget");
            case "status" -> messages.get("cli.usage.status");
            case "sync" -> messages.get("cli.usage.sync");
            case "purchases" -> messages.get("cli.usage.purchases");
            case "subscriptions" -> messages.get("cli.usage.subscriptions");
            case "history", "actions" -> messages.get("cli.usage.history");
            case "cancel" -> messages.get("cli.usage.cancel");
            case "restart" -> messages.get("cli.usage.restart");
            case "refund" -> messages.get("cli.usage.refund");
            case "receipt" -> messages.get("cli.usage.receipt");
            case "export" -> messages.get("cli.usage.export");
            case "calendar" -> messages.get("cli.usage.calendar");
            case "proof" -> messages.get("cli.usage.proof");
            default -> generalUsage(messages);
        };
    }

    /** The general usage; the paperwork commands came later, and their lines follow it. */
    private static String generalUsage(CliMessages messages) {
        return messages.get("cli.usage") + System.lineSeparator() + System.lineSeparator()
                + messages.get("cli.usage.paperwork");
    }
}
