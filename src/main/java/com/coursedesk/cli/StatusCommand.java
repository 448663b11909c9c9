package com.coursedesk.cli;

import com.coursedesk.data.db.ActionDao;
import com.coursedesk.data.db.AccountStorePaths;
import com.coursedesk.data.db.PurchaseDao;
import com.coursedesk.data.db.SubscriptionDao;
import com.coursedesk.data.db.SyncStateDao;
import com.coursedesk.domain.KnownAccount;
import com.coursedesk.domain.ZoneNames;
import com.coursedesk.platform.AppDirectories;
import com.coursedesk.platform.InstanceLock;
import com.coursedesk.platform.credentials.CredentialStore;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code status}: every account on this computer with its last sync and what its local copy
 * holds, where the data lives, where sign-ins are kept, and whether the app is running.
 * Reads only local files: works offline and while the app runs.
 */
final class StatusCommand implements Command {

    private static final CommandSpec SPEC = new CommandSpec("status", Set.of("data-dir", "format"), 0, 0, false);

    /** What one account's local copy holds. */
    private record Copy(boolean exists, long purchases, long subscriptions, int openActions, Instant lastSynced) {
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(CliContext context, CliArgs args) {
        OutputFormat format = OutputFormat.of(context, args, Set.of(OutputFormat.TABLE, OutputFormat.JSON), "status");
        AppDirectories dirs = context.core().directories();
        CredentialStore credentials = context.core().credentials();
        AppState app = appState(dirs);
        if (format == OutputFormat.JSON) {
            printJson(context, dirs, credentials, app);
            return ExitCode.OK;
        }
        CliMessages messages = context.messages();
        String credentialStore = context.core().signIn().credentialStoreDescription();
        new Labelled("")
                .add(messages.get("cli.status.dataDir"), dirs.dataDir().toString())
                .add(messages.get("cli.status.credentials"), credentials.isOperatingSystemStore()
                        ? messages.get("cli.status.credentialsSystem", credentialStore)
                        : messages.get("cli.status.credentialsFallback", credentialStore))
                .add(messages.get("cli.status.app"), !app.known() ? messages.get("cli.status.appUnknown")
                        : app.holder() == null ? messages.get("cli.status.appNotRunning")
                        : messages.get("cli.status.appRunning", app.holder()))
                .add(messages.get("cli.status.zone"), zone(context))
                .print(context.out());
        List<KnownAccount> accounts = context.core().signIn().knownAccounts();
        if (accounts.isEmpty()) {
            context.out().println();
            context.out().println(messages.get("cli.error.noAccounts"));
            return ExitCode.OK;
        }
        for (KnownAccount account : accounts) {
            Copy copy = copy(dirs, account);
            boolean signedIn = credentials.read(account.credentialKey()).isPresent();
            Instant lastSynced = copy.lastSynced() != null ? copy.lastSynced() : account.lastSyncedAt();
            context.out().println();
            context.out().println(account.email() + " — " + account.displayName());
            new Labelled("  ")
                    .add(messages.get("cli.status.server"), context.describe(account.server()))
                    .add(messages.get("cli.status.signedIn"), signedIn ? messages.get("cli.status.yes")
                            : messages.get("cli.status.signedOut", loginCommand(context, account)))
                    .add(messages.get("cli.status.lastSync"), lastSynced == null ? messages.get("cli.status.never")
                            : messages.get("cli.status.serverTime", context.format().dateTime(lastSynced)))
                    .add(messages.get("cli.status.purchases"), String.valueOf(copy.purchases()))
                    .add(messages.get("cli.status.subscriptions"), String.valueOf(copy.subscriptions()))
                    .add(messages.get("cli.status.openActions"), copy.openActions() == 0
                            ? messages.get("cli.status.none")
                            : messages.get("cli.status.waiting", copy.openActions()))
                    .add(messages.get("cli.status.localCopy"), copy.exists()
                            ? storeFile(dirs, account).toString() : messages.get("cli.status.noCopy"))
                    .print(context.out());
        }
        return ExitCode.OK;
    }

    private static void printJson(CliContext context, AppDirectories dirs, CredentialStore credentials,
                                  AppState app) {
        JsonObject root = new JsonObject();
        root.addProperty("dataDir", dirs.dataDir().toString());
        JsonObject store = new JsonObject();
        store.addProperty("description", context.core().signIn().credentialStoreDescription());
        store.addProperty("systemStore", credentials.isOperatingSystemStore());
        root.add("credentialStore", store);
        if (app.known()) {
            root.addProperty("appRunning", app.holder() != null);
        } else {
            root.add("appRunning", JsonNull.INSTANCE);
        }
        root.add("appHolder", CliJson.string(app.holder()));
        root.addProperty("timeZone", context.format().zone().getId()); // the id: JSON is read by programs
        JsonArray list = new JsonArray();
        for (KnownAccount account : context.core().signIn().knownAccounts()) {
            Copy copy = copy(dirs, account);
            JsonObject a = new JsonObject();
            a.addProperty("accountId", account.accountId());
            a.addProperty("email", account.email());
            a.addProperty("displayName", account.displayName());
            a.addProperty("server", account.server().value());
            a.addProperty("signedIn", credentials.read(account.credentialKey()).isPresent());
            a.add("lastSyncedAt", CliJson.instant(copy.lastSynced() != null ? copy.lastSynced()
                    : account.lastSyncedAt()));
            a.addProperty("purchases", copy.purchases());
            a.addProperty("subscriptions", copy.subscriptions());
            a.addProperty("openActions", copy.openActions());
            a.add("store", CliJson.string(copy.exists() ? storeFile(dirs, account).toString() : null));
            list.add(a);
        }
        root.add("accounts", list);
        context.out().println(CliJson.print(root));
    }

    /**
     * "Central European Time (Europe/Paris)", "UTC": with the id, since this report is what a
     * learner pastes when asking for help, and the id says exactly which zone's rules apply.
     */
    private static String zone(CliContext context) {
        CliFormat format = context.format();
        CliMessages messages = context.messages();
        return ZoneNames.nameIsExact(format.zone()) ? format.zoneName()
                : messages.get("cli.status.zoneWithId", format.zoneName(), format.zone().getId());
    }

    private static String loginCommand(CliContext context, KnownAccount account) {
        return "coursedesk login --server " + account.server().value() + " --email " + account.email();
    }

    private static Path storeFile(AppDirectories dirs, KnownAccount account) {
        return AccountStorePaths.storeFile(dirs.accountsDir(), account.accountId());
    }

    private static Copy copy(AppDirectories dirs, KnownAccount account) {
        Optional<ReadOnlyStore> opened = ReadOnlyStore.open(dirs.accountsDir(), account.accountId());
        if (opened.isEmpty()) {
            return new Copy(false, 0, 0, 0, null);
        }
        try (ReadOnlyStore store = opened.get()) {
            return store.read(c -> new Copy(true, new PurchaseDao().count(c), new SubscriptionDao().count(c),
                    new ActionDao().openOldestFirst(c).size(), new SyncStateDao().get(c).lastSuccessServerTime()));
        }
    }

    /**
     * Whether another CourseDesk holds the data folder.
     *
     * @param known  false when the lock file could not even be tried (no permission)
     * @param holder who holds it ("pid 4242"), or null when nobody does
     */
    private record AppState(boolean known, String holder) {
    }

    private static AppState appState(AppDirectories dirs) {
        InstanceLock.Result result = InstanceLock.tryAcquire(dirs.lockFile());
        if (result instanceof InstanceLock.Acquired acquired) {
            acquired.lock().close();
            return new AppState(true, null);
        }
        if (result instanceof InstanceLock.HeldElsewhere held) {
            return new AppState(true, held.holder());
        }
        return new AppState(false, null);
    }
}
