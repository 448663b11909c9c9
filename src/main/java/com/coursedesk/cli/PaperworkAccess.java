package com.coursedesk.cli;

import com.coursedesk.data.db.SqlWork;
import com.coursedesk.domain.KnownAccount;
import com.coursedesk.service.paperwork.PaperworkService;
import com.coursedesk.service.paperwork.PaperworkTexts;
import com.coursedesk.service.paperwork.StoreReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * What the paperwork commands ({@code receipt}, {@code export}, {@code calendar},
 * {@code proof}) share: the account's local copy opened read-only (they run beside the app),
 * the paperwork service over it in the learner's language and zone, and where the file goes.
 */
final class PaperworkAccess implements AutoCloseable {

    private final KnownAccount account;
    private final ReadOnlyStore store;
    private final PaperworkService paperwork;

    private PaperworkAccess(KnownAccount account, ReadOnlyStore store, PaperworkService paperwork) {
        this.account = account;
        this.store = store;
        this.paperwork = paperwork;
    }

    /** @throws CliException when the account has no local copy yet */
    static PaperworkAccess open(CliContext context, CliArgs args) {
        KnownAccount account = context.account(args);
        Optional<ReadOnlyStore> opened = ReadOnlyStore.open(context.core().directories().accountsDir(),
                account.accountId());
        if (opened.isEmpty()) {
            throw new CliException(ExitCode.USAGE, context.messages().get("cli.list.noCopy", account.email(),
                    context.accountOptions(account)));
        }
        ReadOnlyStore store = opened.get();
        StoreReader reader = new StoreReader() {
            @Override
            public <T> T read(SqlWork<T> work) {
                return store.read(work);
            }
        };
        PaperworkService paperwork = new PaperworkService(reader, account, PaperworkTexts.load(context.locale()),
                context.format().zone(), Clock.systemUTC());
        return new PaperworkAccess(account, store, paperwork);
    }

    KnownAccount account() {
        return account;
    }

    ReadOnlyStore store() {
        return store;
    }

    PaperworkService paperwork() {
        return paperwork;
    }

    /**
     * The file named by {@code --output}, or {@code defaultName} in the current folder; a
     * folder given as the output gets {@code defaultName} inside it.
     */
    static Path output(CliContext context, CliArgs args, String command, String defaultName) {
        Path path;
        try {
            path = Path.of(args.value("output").orElse(defaultName)).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw CliException.usage(context.messages().get("cli.paperwork.badOutput", e.getInput()), command);
        }
        return Files.isDirectory(path) ? path.resolve(defaultName) : path;
    }

    static CliException writeFailed(CliContext context, Path file, IOException e) {
        return new CliException(ExitCode.ERROR, context.messages().get("cli.paperwork.writeFailed", file,
                String.valueOf(e.getMessage())));
    }

    @Override
    public void close() {
        store.close();
    }
}
