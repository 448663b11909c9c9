package com.coursedesk.ui.shell;

import com.coursedesk.data.api.BillingApiClient;
import com.coursedesk.data.api.RetryPolicy;
import com.coursedesk.data.db.AccountStorePaths;
import com.coursedesk.domain.KnownAccount;
import com.coursedesk.domain.Subscription;
import com.coursedesk.service.ServiceFixture;
import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.service.auth.SignInService;
import com.coursedesk.service.auth.SignedOutException;
import com.coursedesk.service.sync.SyncStatus;
import com.coursedesk.ui.common.Formats;
import com.coursedesk.ui.common.ImmediateTaskRunner;
import com.coursedesk.ui.common.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static com.coursedesk.ui.shell.UiAccountFixture.ADA;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status bar's view-model over a real account and a real sandbox, with a same-thread task
 * runner and UI thread: each sync state in the learner's words and colour, progress while
 * syncing, the pending-action count, the reload signal and the recovered-copy notice.
 */
class ShellViewModelTest {

    /** Small pages, so ada's first sync reports progress several times. */
    private static final int SMALL_PAGES = 5;

    @TempDir
    Path dir;

    private UiAccountFixture fx;
    private SignInService service;
    private DataChanges changes;
    private final List<ShellViewModel> started = new ArrayList<>();

    @BeforeEach
    void start() {
        fx = UiAccountFixture.start(dir);
        service = fx.signInService(SMALL_PAGES);
        changes = new DataChanges(Runnable::run);
    }

    @AfterEach
    void stop() {
        started.forEach(ShellViewModel::stop);
        fx.close();
    }

    private ShellViewModel shellFor(AccountSession session) {
        return new ShellViewModel(session, fx.messages(), fx.formats(), new ImmediateTaskRunner(), Runnable::run,
                changes);
    }

    /** Starts the shell and waits for its first pass (start() and this call make one pass together). */
    private SyncStatus startAndAwaitFirstPass(ShellViewModel vm, AccountSession session) {
        vm.start();
        started.add(vm);
        return awaitPass(session);
    }

    /** Runs a pass (or joins the running one); its listeners, the shell's included, have run on return. */
    private static SyncStatus awaitPass(AccountSession session) {
        try {
            return session.sync().syncNow().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("sync did not end: " + e, e);
        }
    }

    private String upToDate(Instant serverTime) {
        return "Up to date · last synced " + fx.formats().dateTime(serverTime);
    }

    @Test
    void listeningShowsTheStateWithoutSyncingAndSyncingStartsTheFirstPassShortlyAfter() throws Exception {
        AccountSession session = fx.signInOnDemo(service, ADA);
        ShellViewModel vm = shellFor(session);
        vm.start();
        started.add(vm);
        // Listeners hear a status in the order they were added: this one after the shell's, so
        // that when the pass is seen to end the shell has shown it (it had raced the shell).
        CompletableFuture<SyncStatus> firstPassEnded = new CompletableFuture<>();
        AtomicBoolean passRunning = new AtomicBoolean();
        session.sync().addListener(status -> {
            if (status instanceof SyncStatus.Syncing) {
                passRunning.set(true);
            } else if (passRunning.get()) {
                firstPassEnded.complete(status);
            }
        });
        assertThat(vm.statusTextProperty().get()).isEqualTo("Not synced yet");
        Thread.sleep(ShellViewModel.FIRST_PASS_AFTER.multipliedBy(3).toMillis());
        assertThat(passRunning).as("no pass before the window asks for syncing").isFalse();

        long asked = System.nanoTime();
        vm.startSyncing();
        assertThat(firstPassEnded.get(60, TimeUnit.SECONDS)).isInstanceOf(SyncStatus.Idle.class);
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isGreaterThanOrEqualTo(ShellViewModel.FIRST_PASS_AFTER);
        assertThat(vm.statusTextProperty().get()).startsWith("Up to date");
    }

    @Test
    void neverSyncedThenSyncingWithDeterminateProgressThenUpToDateAsOfTheServersTime() {
        AccountSession session = fx.signInOnDemo(service, ADA);
        ShellViewModel vm = shellFor(session);
        List<String> texts = new CopyOnWriteArrayList<>();
        List<Double> progress = new CopyOnWriteArrayList<>();
        vm.statusTextProperty().addListener((obs, old, now) -> texts.add(now));
        vm.progressProperty().addListener((obs, old, now) -> progress.add(now.doubleValue()));

        SyncStatus end = startAndAwaitFirstPass(vm, session);

        assertThat(end).isInstanceOf(SyncStatus.Idle.class);
        long total = ServiceFixture.localState(session.store()).size();
        assertThat(total).as("ada's history spans several pages").isGreaterThan(2 * SMALL_PAGES);
        assertThat(texts.get(0)).isEqualTo("Not synced yet");
        assertThat(texts.get(1)).as("before the first page tells how much").isEqualTo("Syncing…");
        assertThat(texts).contains("Syncing… " + SMALL_PAGES + " of " + total + " changes",
                "Syncing… " + total + " of " + total + " changes");
        assertThat(texts.get(texts.size() - 1)).isEqualTo(upToDate(end.lastSyncedAt()));
        // Determinate while pages arrive: a fraction that grows to 1, then hidden again (-1).
        List<Double> fractions = progress.stream().filter(p -> p >= 0).toList();
        assertThat(fractions).hasSizeGreaterThan(2).isSorted().allMatch(p -> p > 0 && p <= 1);
        assertThat(fractions.get(0)).isEqualTo((double) SMALL_PAGES / total);
        assertThat(fractions.get(fractions.size() - 1)).isEqualTo(1.0);
        assertThat(vm.progressProperty().get()).isEqualTo(-1);
        assertThat(vm.syncingProperty().get()).isFalse();
        assertThat(vm.statusStyleProperty().get()).isEqualTo("status-ok");
        assertThat(vm.pendingTextProperty().get()).isEmpty();
        assertThat(vm.signedOutProperty().get()).isFalse();
        assertThat(vm.noticeProperty().get()).as("a healthy local copy").isEmpty();
    }

    @Test
    void whileSyncingTheStatusSaysSoAndTheProgressIsIndeterminateUntilTheTotalIsKnown() {
        AccountSession session = fx.signInOnDemo(service, ADA);
        ShellViewModel vm = shellFor(session);

        vm.show(new SyncStatus.Syncing(0, -1, null));
        assertThat(vm.syncingProperty().get()).isTrue();
        assertThat(vm.statusTextProperty().get()).isEqualTo("Syncing…");
        assertThat(vm.progressProperty().get()).isEqualTo(-1);

        vm.show(new SyncStatus.Syncing(250, 1000, null));
        assertThat(vm.statusTextProperty().get()).isEqualTo("Syncing… 250 of 1,000 changes");
        assertThat(vm.progressProperty().get()).isEqualTo(0.25);
        assertThat(vm.statusStyleProperty().get()).isEqualTo("status-ok");
    }

    @Test
    void whileTheProviderAsksToWaitTheStatusSaysUntilWhenThenSyncingAgain() {
        AccountSession session = fx.signInOnDemo(service, ADA);
        ShellViewModel vm = shellFor(session);
        Instant now = Instant.parse("2026-05-03T13:31:00Z");
        SyncStatus.Syncing progress = new SyncStatus.Syncing(250, 1000, null);

        // 14:32 in London (summer time).
        vm.show(progress.retryingAt(now.plusSeconds(60)), now);
        assertThat(vm.statusTextProperty().get())
                .isEqualTo("The provider is busy: CourseDesk tries again at 14:32 (in about a minute).");
        assertThat(vm.syncingProperty().get()).as("still syncing: the progress bar stays").isTrue();
        assertThat(vm.progressProperty().get()).isEqualTo(0.25);
        assertThat(vm.statusStyleProperty().get()).isEqualTo("status-warning");

        vm.show(progress.retryingAt(now.plusSeconds(24)), now);
        assertThat(vm.statusTextProperty().get())
                .isEqualTo("The provider is busy: CourseDesk tries again at 14:31 (in about 25 seconds).");
        vm.show(progress.retryingAt(now.plusSeconds(3)), now);
        assertThat(vm.statusTextProperty().get())
                .isEqualTo("The provider is busy: CourseDesk tries again at 14:31 (in a few seconds).");
        vm.show(progress.retryingAt(now.plusSeconds(150)), now);
        assertThat(vm.statusTextProperty().get())
                .isEqualTo("The provider is busy: CourseDesk tries again at 14:33 (in about 3 minutes).");

        // The retry starts: the engine publishes the same progress without the wait.
        vm.show(progress, now);
        assertThat(vm.statusTextProperty().get()).isEqualTo("Syncing… 250 of 1,000 changes");
        assertThat(vm.statusStyleProperty().get()).isEqualTo("status-ok");
    }

    @Test
    void theWaitIsToldInSpanishInTheLearnersZone() {
        AccountSession session = fx.signInOnDemo(service, ADA);
        Messages spanish = Messages.load(new Locale("es", "ES"));
        ShellViewModel vm = new ShellViewModel(session, spanish,
                new Formats(spanish.locale(), ZoneId.of("Europe/Madrid"), spanish), new ImmediateTaskRunner(),
                Runnable::run, changes);
        Instant now = Instant.parse("2026-05-03T12:31:00Z");

        vm.show(new SyncStatus.Syncing(0, -1, null).retryingAt(now.plusSeconds(60)), now);
        assertThat(vm.statusTextProperty().get()).isEqualTo(
                "El proveedor está ocupado: CourseDesk lo volverá a intentar en un minuto más o menos (14:32).");
        // No article before the time: "a las 1:05" would be wrong at one o'clock ("a la 1:05").
        Instant oneAm = Instant.parse("2026-05-03T23:04:00Z");
        vm.show(new SyncStatus.Syncing(0, -1, null).retryingAt(oneAm.plusSeconds(60)), oneAm);
        assertThat(vm.statusTextProperty().get()).isEqualTo(
                "El proveedor está ocupado: CourseDesk lo volverá a intentar en un minuto más o menos (1:05).");

        vm.show(new SyncStatus.Syncing(0, -1, null), now);
        assertThat(vm.statusTextProperty().get()).isEqualTo("Sincronizando…");
    }

    @Test
    void offlineShowsTheDataAsOfTheLastSync() {
        AccountSession session = fx.signInOnDemo(service, ADA);
        ShellViewModel vm = shellFor(session);
        SyncStatus online = startAndAwaitFirstPass(vm, session);
        fx.server().stopSandbox();

        SyncStatus offline = awaitPass(session);

        assertThat(offline).isInstanceOf(SyncStatus.Offline.class);
        assertThat(vm.statusTextProperty().get())
                .isEqualTo("Offline — showing your data as of " + fx.formats().dateTime(online.lastSyncedAt()));
        assertThat(vm.statusStyleProperty().get()).isEqualTo("status-warning");
        assertThat(vm.syncingProperty().get()).isFalse();
    }

    @Test
    void offlineBeforeAnySyncSaysNothingHasBeenSyncedYet() {
        AccountSession session = fx.signInOnDemo(service, ADA);
        fx.server().stopSandbox();
        ShellViewModel vm = shellFor(session);

        assertThat(startAndAwaitFirstPass(vm, session)).isInstanceOf(SyncStatus.Offline.class);

        assertThat(vm.statusTextProperty().get()).isEqualTo("Offline — nothing has been synced yet");
        assertThat(vm.statusStyleProperty().get()).isEqualTo("status-warning");
    }

    @Test
    void aFirstSyncCutShortByTheNetworkSaysOnlyPartOfTheHistoryIsShown() {
        AccountSession session = fx.signInOnDemo(service, ADA);
        // The provider goes away once the first page of ada's history is kept.
        AtomicBoolean stopped = new AtomicBoolean();
        session.sync().addListener(status -> {
            if (status instanceof SyncStatus.Syncing s && s.done() > 0 && stopped.compareAndSet(false, true)) {
                fx.server().stopSandbox();
            }
        });
        ShellViewModel vm = shellFor(session);

        SyncStatus end = startAndAwaitFirstPass(vm, session);

        assertThat(end).isInstanceOf(SyncStatus.Offline.class);
        long kept = ServiceFixture.localState(session.store()).size();
        assertThat(kept).as("some of ada's history was kept, not all").isGreaterThan(0);
        assertThat(vm.statusTextProperty().get()).as("%d records are on screen", kept)
                .isEqualTo("Offline — the first sync is not finished: only part of your history is shown");
        assertThat(vm.statusStyleProperty().get()).isEqualTo("status-warning");

        // Signed out, then her copy opened from the list: still only part of her history.
        vm.stop();
        started.remove(vm);
        service.signOut(session);
        AccountSession reopened = fx.track(service.open(service.knownAccounts().get(0)));
        ShellViewModel again = shellFor(reopened);

        assertThat(startAndAwaitFirstPass(again, reopened)).isInstanceOf(SyncStatus.SignedOut.class);
        assertThat(ServiceFixture.localState(reopened.store()).size()).isEqualTo(kept);
        assertThat(again.statusTextProperty().get()).isEqualTo(
                "Signed out before the first sync finished: only part of your history is here. Sign in to sync.");
    }

    private static final String SESSION_ENDED =
            "Your session has ended: sign in again to sync. Your local copy is still here.";
    private static final String SIGNED_OUT = "Signed out: this is your local copy. Sign in to sync.";

    @Test
    void aSessionThatEndedAsksToSignInAgain() {
        AccountSession session = fx.signInOnDemo(service, ADA);
        ShellViewModel vm = shellFor(session);
        startAndAwaitFirstPass(vm, session);
        // The server refuses the saved sign-in: its refresh token was spent elsewhere, and the
        // access token has expired.
        BillingApiClient elsewhere = ServiceFixture.client(fx.server().baseUri(),
                RetryPolicy.none(), new ArrayList<>());
        elsewhere.refresh(fx.credentials().read(session.account().credentialKey()).orElseThrow());
        fx.server().expireTokens();

        assertThat(awaitPass(session)).isInstanceOfSatisfying(SyncStatus.SignedOut.class,
                out -> assertThat(out.reason()).isEqualTo(SignedOutException.Reason.SESSION_ENDED));

        assertThat(vm.statusTextProperty().get()).isEqualTo(SESSION_ENDED);
        assertThat(vm.statusStyleProperty().get()).isEqualTo("status-danger");
        assertThat(vm.signedOutProperty().get()).isTrue();
        assertThat(vm.signInTextProperty().get()).isEqualTo("Sign in again");
    }

    @Test
    void aLocalCopyOpenedAfterSigningOutSaysSignedOutNotThatTheSessionEnded() {
        AccountSession session = fx.signInOnDemo(service, ADA);
        assertThat(ServiceFixture.syncNow(session)).isInstanceOf(SyncStatus.Idle.class);
        service.signOut(session);
        // From the sign-in screen's list of accounts with a local copy.
        AccountSession opened = fx.track(service.open(service.knownAccounts().get(0)));
        ShellViewModel vm = shellFor(opened);

        assertThat(startAndAwaitFirstPass(vm, opened)).isInstanceOfSatisfying(SyncStatus.SignedOut.class,
                out -> assertThat(out.reason()).isEqualTo(SignedOutException.Reason.SIGNED_OUT));

        assertThat(vm.statusTextProperty().get()).isEqualTo(SIGNED_OUT).doesNotContain("ended");
        assertThat(vm.statusStyleProperty().get()).isEqualTo("status-warning");
        assertThat(vm.signedOutProperty().get()).as("the status bar still offers to sign in").isTrue();
        assertThat(vm.signInTextProperty().get()).isEqualTo("Sign in");
    }

    @Test
    void anAccountReopenedAtLaunchWhoseSavedSignInIsGoneSaysTheSessionEnded() {
        AccountSession session = fx.signInOnDemo(service, ADA);
        assertThat(ServiceFixture.syncNow(session)).isInstanceOf(SyncStatus.Idle.class);
        session.close();
        // Not signed out: the credential store lost the token while CourseDesk was closed.
        fx.credentials().delete(session.account().credentialKey());
        AccountSession reopened = fx.track(service.reopen(service.knownAccounts().get(0)));
        ShellViewModel vm = shellFor(reopened);

        startAndAwaitFirstPass(vm, reopened);

        assertThat(vm.statusTextProperty().get()).isEqualTo(SESSION_ENDED);
        assertThat(vm.signInTextProperty().get()).isEqualTo("Sign in again");
    }

    @Test
    void eachWayOfBeingSignedOutHasItsOwnWordsAndButton() {
        AccountSession session = fx.signInOnDemo(service, ADA);
        ShellViewModel vm = shellFor(session);
        Instant synced = Instant.parse("2026-05-03T09:00:00Z");

        vm.show(new SyncStatus.SignedOut(SignedOutException.Reason.SIGNED_OUT, synced));
        assertThat(vm.statusTextProperty().get()).isEqualTo(SIGNED_OUT);
        assertThat(vm.signInTextProperty().get()).isEqualTo("Sign in");

        vm.show(new SyncStatus.SignedOut(SignedOutException.Reason.SESSION_ENDED, synced));
        assertThat(vm.statusTextProperty().get()).isEqualTo(SESSION_ENDED);
        assertThat(vm.signInTextProperty().get()).isEqualTo("Sign in again");

        vm.show(new SyncStatus.Idle(synced));
        assertThat(vm.signedOutProperty().get()).isFalse();
    }

    @Test
    void aServerThatKeepsFailingIsAFailureInItsOwnWords() {
        AccountSession session = fx.signInOnDemo(service, ADA);
        ShellViewModel vm = shellFor(session);
        startAndAwaitFirstPass(vm, session);
        fx.server().faults("{\"failureRate\":1,\"failureStatus\":500}");

        SyncStatus failed = awaitPass(session);

        assertThat(failed).isInstanceOf(SyncStatus.Failed.class);
        assertThat(((SyncStatus.Failed) failed).reason()).isEqualTo(SyncStatus.Reason.SERVER_ERROR);
        assertThat(vm.statusTextProperty().get()).isEqualTo(
                "Sync failed: the server kept answering with errors. Nothing stored was lost; CourseDesk tries again.");
        assertThat(vm.statusStyleProperty().get()).isEqualTo("status-danger");
    }

    @Test
    void eachFailureReasonHasItsOwnWords() {
        AccountSession session = fx.signInOnDemo(service, ADA);
        ShellViewModel vm = shellFor(session);
        Map<SyncStatus.Reason, String> expected = new EnumMap<>(SyncStatus.Reason.class);
        expected.put(SyncStatus.Reason.SERVER_ERROR, "the server kept answering with errors");
        expected.put(SyncStatus.Reason.BAD_RESPONSE, "the server's answer could not be read");
        expected.put(SyncStatus.Reason.STORE_ERROR, "the local copy could not be written (is the disk full?)");
        expected.put(SyncStatus.Reason.REFUSED, "the server refused the request");
        expected.put(SyncStatus.Reason.UNTRUSTED_CERTIFICATE, "the provider's security certificate could not be verified");
        assertThat(expected.keySet()).as("every reason is covered").containsExactly(SyncStatus.Reason.values());

        expected.forEach((reason, words) -> {
            vm.show(new SyncStatus.Failed(reason, "detail for the log", Instant.parse("2026-05-03T09:00:00Z")));
            assertThat(vm.statusTextProperty().get()).as(reason.name())
                    .isEqualTo("Sync failed: " + words + ". Nothing stored was lost; CourseDesk tries again.")
                    .doesNotContain("detail for the log");
            assertThat(vm.statusStyleProperty().get()).isEqualTo("status-danger");
        });
    }

    @Test
    void anActionQueuedWhileOfflineIsCountedAsPendingUntilItIsSent() {
        AccountSession session = fx.signInOnDemo(service, ADA);
        ShellViewModel vm = shellFor(session);
        startAndAwaitFirstPass(vm, session);
        Subscription cancelable = ServiceFixture.localState(session.store()).subscriptions().values().stream()
                .filter(Subscription::isCancelable).findFirst().orElseThrow();
        fx.server().stopSandbox();

        session.actions().cancel(cancelable.id(), null, null);
        assertThat(awaitPass(session)).isInstanceOf(SyncStatus.Offline.class);

        assertThat(vm.pendingTextProperty().get()).isEqualTo("1 action waiting to be sent");
        vm.stop();
        started.remove(vm);
        session.close();

        // Back online, the account opened again sends it, and the count goes.
        fx.server().restartSandbox();
        KnownAccount known = service.knownAccounts().get(0);
        AccountSession reopened = fx.track(fx.signInService(SMALL_PAGES).open(known));
        ShellViewModel again = shellFor(reopened);
        again.start();
        started.add(again);
        assertThat(awaitPass(reopened)).isInstanceOf(SyncStatus.Idle.class);
        assertThat(again.pendingTextProperty().get()).isEmpty();
        assertThat(reopened.actions().openCount()).isZero();
    }

    @Test
    void thePendingCountIsReadWhenTheShellStarts() {
        AccountSession session = fx.signInOnDemo(service, ADA);
        assertThat(ServiceFixture.syncNow(session)).isInstanceOf(SyncStatus.Idle.class);
        List<Subscription> cancelable = ServiceFixture.localState(session.store()).subscriptions().values().stream()
                .filter(Subscription::isCancelable).toList();
        fx.server().stopSandbox();
        for (Subscription s : cancelable) {
            session.actions().cancel(s.id(), null, null);
        }
        ServiceFixture.syncNow(session);
        ShellViewModel vm = shellFor(session);

        vm.start();
        started.add(vm);

        assertThat(vm.pendingTextProperty().get()).isEqualTo(cancelable.size() == 1 ? "1 action waiting to be sent"
                : cancelable.size() + " actions waiting to be sent");
    }

    @Test
    void screensAreToldToReloadWhenAPassEndsNotAtEveryPage() {
        AccountSession session = fx.signInOnDemo(service, ADA);
        ShellViewModel vm = shellFor(session);
        List<String> statusAtEachChange = new CopyOnWriteArrayList<>();
        changes.subscribe(() -> statusAtEachChange.add(vm.statusTextProperty().get()));

        SyncStatus end = startAndAwaitFirstPass(vm, session);

        assertThat(statusAtEachChange).containsExactly("Not synced yet", upToDate(end.lastSyncedAt()));

        SyncStatus second = awaitPass(session);
        assertThat(statusAtEachChange).hasSize(3).last().isEqualTo(upToDate(second.lastSyncedAt()));
    }

    @Test
    void afterStopTheShellNoLongerFollowsTheSync() {
        AccountSession session = fx.signInOnDemo(service, ADA);
        ShellViewModel vm = shellFor(session);
        SyncStatus end = startAndAwaitFirstPass(vm, session);
        vm.stop();
        fx.server().stopSandbox();

        assertThat(awaitPass(session)).isInstanceOf(SyncStatus.Offline.class);

        assertThat(vm.statusTextProperty().get()).isEqualTo(upToDate(end.lastSyncedAt()));
    }

    @Test
    void aDamagedLocalCopyIsRebuiltAndTheLearnerIsToldWhereTheOldFileWent() throws Exception {
        AccountSession first = fx.signInOnDemo(service, ADA);
        assertThat(ServiceFixture.syncNow(first)).isInstanceOf(SyncStatus.Idle.class);
        KnownAccount known = first.account();
        first.close();
        Path storeFile = AccountStorePaths.storeFile(fx.server().dataDir().resolve("accounts"), known.accountId());
        Files.writeString(storeFile, "this is not a database ".repeat(200), StandardCharsets.UTF_8);

        AccountSession reopened = fx.track(service.open(known));
        ShellViewModel vm = shellFor(reopened);

        assertThat(reopened.storeWasRecovered()).isTrue();
        assertThat(vm.noticeProperty().get()).isEqualTo("Your local copy was damaged, so it is being rebuilt from "
                + "your provider. The damaged file was kept at " + reopened.openResult().movedAsideTo() + ".");
        assertThat(reopened.openResult().movedAsideTo()).exists();
        vm.dismissNotice();
        assertThat(vm.noticeProperty().get()).isEmpty();
    }

    @Test
    void theHeaderNamesTheAccountAndPurchasesIsShownFirst() {
        AccountSession session = fx.signInOnDemo(service, ADA);
        ShellViewModel vm = shellFor(session);

        assertThat(vm.accountTitle()).isEqualTo("Ada Lovelace · " + ADA);
        assertThat(vm.screenProperty().get()).isEqualTo(Screen.PURCHASES);
    }
}
