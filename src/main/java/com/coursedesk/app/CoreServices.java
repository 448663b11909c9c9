package com.coursedesk.app;

import com.coursedesk.data.accounts.KnownAccountsFile;
import com.coursedesk.data.api.BillingApiClient;
import com.coursedesk.data.db.StoreOpener;
import com.coursedesk.platform.AppDirectories;
import com.coursedesk.platform.credentials.CredentialStore;
import com.coursedesk.platform.credentials.CredentialStores;
import com.coursedesk.service.actions.ActionService;
import com.coursedesk.service.auth.ServerConnector;
import com.coursedesk.service.auth.SignInService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The composition root of everything below the screens, shared by the window and the command
 * line: directories, credential store, account list, demo server and sign-in. Built with
 * constructors only.
 */
public final class CoreServices implements AutoCloseable {

    /** Records per sync page: the contract's maximum, fewest round trips. */
    public static final int SYNC_PAGE_LIMIT = 1000;

    private final AppDirectories directories;
    private final CredentialStore credentials;
    private final DemoServer demo;
    private final SignInService signIn;

    public CoreServices(AppDirectories directories, CredentialStore credentials, Clock clock) {
        this(directories, credentials, clock, UnaryOperator.identity());
    }

    /**
     * @param clientSettings adjusts every billing API client before it is built (tests: short
     *                       timeouts, so a server that never answers is said in a moment)
     */
    public CoreServices(AppDirectories directories, CredentialStore credentials, Clock clock,
                        UnaryOperator<BillingApiClient.Builder> clientSettings) {
        this.directories = directories;
        try {
            directories.createDirectories();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directories.dataDir(), e);
        }
        this.credentials = credentials;
        this.demo = new DemoServer(directories.dataDir().resolve("demo-sandbox").resolve("sandbox.db"));
        ServerConnector connector = server -> clientSettings.apply(BillingApiClient.builder(
                server.isDemo() ? demo.baseUri() : server.uri())).build();
        this.signIn = new SignInService(connector, credentials,
                new KnownAccountsFile(directories.dataDir().resolve("accounts.json")), new StoreOpener(clock),
                directories.accountsDir(), clock, ActionService.randomKeys(), SYNC_PAGE_LIMIT);
    }

    /**
     * The usual wiring: the OS credential store where one answers, else a user-only file. It is
     * looked for on first use, not here: asking the OS takes about 150 ms, which the window's
     * start-up would wait for although an account opens from its local copy without it.
     */
    public static CoreServices forUser(AppDirectories directories) {
        return new CoreServices(directories,
                new LazyCredentialStore(() -> CredentialStores.detect(directories.dataDir().resolve("credentials"))),
                Clock.systemUTC());
    }

    /** A credential store found on first use. */
    private static final class LazyCredentialStore implements CredentialStore {

        private final Supplier<CredentialStore> detect;
        private CredentialStore store;

        LazyCredentialStore(Supplier<CredentialStore> detect) {
            this.detect = detect;
        }

        private synchronized CredentialStore store() {
            if (store == null) {
                store = detect.get();
            }
            return store;
        }

        @Override
        public Optional<String> read(String accountId) {
            return store().read(accountId);
        }

        @Override
        public void write(String accountId, String secret) {
            store().write(accountId, secret);
        }

        @Override
        public void delete(String accountId) {
            store().delete(accountId);
        }

        @Override
        public String description() {
            return store().description();
        }

        @Override
        public boolean isOperatingSystemStore() {
            return store().isOperatingSystemStore();
        }
    }

    public AppDirectories directories() {
        return directories;
    }

    public CredentialStore credentials() {
        return credentials;
    }

    public DemoServer demo() {
        return demo;
    }

    public SignInService signIn() {
        return signIn;
    }

    @Override
    public void close() {
        demo.close();
    }
}
