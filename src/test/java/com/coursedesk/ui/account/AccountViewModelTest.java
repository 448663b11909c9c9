package com.coursedesk.ui.account;

import atlantafx.base.theme.PrimerDark;
import com.coursedesk.data.db.ActionKind;
import com.coursedesk.data.db.ActionState;
import com.coursedesk.platform.ThemeChoice;
import com.coursedesk.service.account.ActionEntry;
import com.coursedesk.service.account.CredentialInfo;
import com.coursedesk.service.account.ProfileLookup;
import com.coursedesk.service.account.StorageInfo;
import com.coursedesk.ui.common.Formats;
import com.coursedesk.ui.common.ImmediateTaskRunner;
import com.coursedesk.ui.common.Messages;
import com.coursedesk.ui.common.SystemThemeDetector;
import com.coursedesk.ui.common.ThemeManager;
import com.coursedesk.ui.shell.UserSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The Account page's state, on test data, without a toolkit: every task runs on the test's thread. */
class AccountViewModelTest {

    private static final Instant ASKED = Instant.parse("2026-05-03T13:04:00Z");
    private static final Instant ANSWERED = Instant.parse("2026-05-03T13:05:07Z");

    @TempDir
    Path dir;

    private final FakeAccountOverview overview = new FakeAccountOverview();
    private final Messages messages = Messages.load(Locale.UK);
    private final Formats formats = new Formats(Locale.UK, ZoneId.of("Europe/London"), messages);
    private final List<String> appliedStylesheets = new ArrayList<>();
    private final ThemeManager themes = new ThemeManager(new ImmediateTaskRunner(),
            new SystemThemeDetector("Linux", (command, timeout) -> Optional.empty()), appliedStylesheets::add);
    private final AtomicInteger signOuts = new AtomicInteger();
    private UserSettings settings;

    @BeforeEach
    void settings() {
        settings = new UserSettings(dir.resolve("settings").resolve("preferences.properties"));
    }

    private AccountViewModel viewModel() {
        return new AccountViewModel(overview, messages, formats, new ImmediateTaskRunner(), themes, settings,
                signOuts::incrementAndGet);
    }

    // ----- profile -----

    @Test
    void beforeTheProviderAnswersTheKnownAccountShowsAndSaysItIsAsking() {
        AccountViewModel vm = viewModel();
        assertThat(vm.displayNameProperty().get()).isEqualTo("Ada Lovelace");
        assertThat(vm.emailProperty().get()).isEqualTo("ada@example.com");
        assertThat(vm.serverProperty().get()).isEqualTo("Demo (built-in sandbox)");
        assertThat(vm.profileStatusProperty().get()).isEqualTo("Asking your provider for your profile…");
        assertThat(overview.profileCalls).hasValue(0);
    }

    @Test
    void onlineTheProfileComesFromTheProviderInTheLearnersWords() {
        AccountViewModel vm = viewModel();
        vm.load();
        assertThat(vm.profileOnlineProperty().get()).isTrue();
        // The server's name wins over the one remembered at sign-in.
        assertThat(vm.displayNameProperty().get()).isEqualTo("Ada King");
        assertThat(vm.accountIdProperty().get()).isEqualTo("acc_ada");
        assertThat(vm.countryProperty().get()).isEqualTo("United Kingdom (GB)");
        assertThat(vm.currencyProperty().get()).isEqualTo("British Pound (GBP)");
        assertThat(vm.localeProperty().get()).isEqualTo("English (United Kingdom)");
        assertThat(vm.profileStatusProperty().get()).isEqualTo("Up to date with your provider.");
        assertThat(vm.profileStatusStyleProperty().get()).isEqualTo("status-ok");
        assertThat(vm.profileLoadingProperty().get()).isFalse();
    }

    @Test
    void offlineTheKnownAccountShowsAndTheStatusSaysOfflinePlainly() {
        overview.offline = ProfileLookup.Offline.UNREACHABLE;
        AccountViewModel vm = viewModel();
        vm.load();
        assertThat(vm.profileOnlineProperty().get()).isFalse();
        assertThat(vm.displayNameProperty().get()).isEqualTo("Ada Lovelace");
        assertThat(vm.emailProperty().get()).isEqualTo("ada@example.com");
        assertThat(vm.accountIdProperty().get()).isEqualTo("acc_ada");
        assertThat(vm.countryProperty().get()).isEqualTo("not known on this computer");
        assertThat(vm.currencyProperty().get()).isEqualTo("not known on this computer");
        assertThat(vm.profileStatusProperty().get()).startsWith("Offline: your provider cannot be reached");
        assertThat(vm.profileStatusStyleProperty().get()).isEqualTo("status-warning");
    }

    @Test
    void aCertificateThatCannotBeVerifiedIsSaidPlainlyNotCalledOffline() {
        overview.offline = ProfileLookup.Offline.UNTRUSTED_CERTIFICATE;
        AccountViewModel vm = viewModel();
        vm.load();
        assertThat(vm.profileOnlineProperty().get()).isFalse();
        assertThat(vm.emailProperty().get()).isEqualTo("ada@example.com");
        assertThat(vm.profileStatusProperty().get()).isEqualTo("Your provider's security certificate could not be "
                + "verified, so this is what this computer knows. Check the provider's address, or ask your provider.");
        assertThat(vm.profileStatusProperty().get()).doesNotContain("Offline", "cannot be reached");
        assertThat(vm.profileStatusStyleProperty().get()).isEqualTo("status-warning");
    }

    @Test
    void inSpanishACertificateThatCannotBeVerifiedIsSaidInSpanishOnly() {
        overview.offline = ProfileLookup.Offline.UNTRUSTED_CERTIFICATE;
        Messages spanish = Messages.load(new Locale("es", "ES"));
        AccountViewModel vm = new AccountViewModel(overview, spanish,
                new Formats(new Locale("es", "ES"), ZoneId.of("Europe/Madrid"), spanish), new ImmediateTaskRunner(),
                themes, settings, signOuts::incrementAndGet);
        vm.load();
        assertThat(vm.profileStatusProperty().get()).isEqualTo("No se ha podido verificar el certificado de "
                + "seguridad de tu proveedor, así que esto es lo que sabe este ordenador. Comprueba la dirección "
                + "del proveedor o consulta a tu proveedor.");
    }

    @Test
    void signingOutIsNotCalledAnEndedSession() {
        overview.offline = ProfileLookup.Offline.SIGNED_OUT;
        AccountViewModel vm = viewModel();
        vm.load();
        assertThat(vm.profileStatusProperty().get())
                .isEqualTo("Signed out: this is what this computer knows. Sign in to see the rest.");
        assertThat(vm.profileStatusStyleProperty().get()).isEqualTo("status-warning");

        overview.offline = ProfileLookup.Offline.SESSION_ENDED;
        vm.refreshProfile();
        assertThat(vm.profileStatusProperty().get()).isEqualTo(
                "Your session has ended, so this is what this computer knows. Sign in again to see the rest.");
        assertThat(vm.emailProperty().get()).isEqualTo("ada@example.com");
    }

    @Test
    void aSignedOutSessionAndAFailingLookupAreSaidApart() {
        overview.offline = ProfileLookup.Offline.SIGNED_OUT;
        AccountViewModel vm = viewModel();
        vm.load();
        assertThat(vm.profileStatusProperty().get()).startsWith("Signed out:");

        overview.offline = null;
        overview.profileFailure = new IllegalStateException("boom");
        vm.refreshProfile();
        assertThat(vm.profileStatusProperty().get())
                .isEqualTo("Your provider could not send your profile just now, so this is what this computer knows.");
        assertThat(vm.emailProperty().get()).isEqualTo("ada@example.com");
    }

    @Test
    void goingOfflineKeepsWhatTheProviderSaidAndAsksAgainAfterTheNextChange() {
        AccountViewModel vm = viewModel();
        vm.load();
        overview.offline = ProfileLookup.Offline.UNREACHABLE;
        vm.refreshProfile();
        assertThat(vm.countryProperty().get()).isEqualTo("United Kingdom (GB)");
        assertThat(vm.profileStatusProperty().get()).startsWith("Offline:");

        // Back online: the next data change (a sync that worked) asks again.
        overview.offline = null;
        int calls = overview.profileCalls.get();
        vm.dataChanged();
        assertThat(overview.profileCalls).hasValue(calls + 1);
        assertThat(vm.profileStatusProperty().get()).isEqualTo("Up to date with your provider.");

        // Gone again: the next change (a pass that found the provider away) says so, instead of
        // "Up to date with your provider." beside a status bar saying the sync failed.
        overview.offline = ProfileLookup.Offline.SERVER_FAILED;
        vm.dataChanged();
        assertThat(overview.profileCalls).hasValue(calls + 2);
        assertThat(vm.profileStatusProperty().get())
                .isEqualTo("Your provider could not send your profile just now, so this is what this computer knows.");
        assertThat(vm.countryProperty().get()).as("what the provider said is kept").isEqualTo("United Kingdom (GB)");
    }

    // ----- where the data lives -----

    @Test
    void showsTheStoreFileItsSizeAndTheLastSyncInTheLearnersZone() {
        AccountViewModel vm = viewModel();
        vm.load();
        assertThat(vm.storeFileProperty().get()).isEqualTo(overview.storage.storeFile().toString());
        assertThat(vm.storeSizeProperty().get()).isEqualTo("3.5 MB");
        // 13:05 UTC is 14:05 in London in May.
        assertThat(vm.lastSyncProperty().get()).isEqualTo("3 May 2026, 14:05, by your provider's clock");
        assertThat(vm.recoveredNoticeProperty().get()).isEmpty();
    }

    @Test
    void aRebuiltCopySaysWhereTheDamagedFileWasKept() {
        Path aside = Path.of("/data/accounts/acc_ada/store.db.damaged-20260503");
        overview.storage = new StorageInfo(Path.of("/data/accounts/acc_ada/store.db"), 10_000, null, true, aside);
        AccountViewModel vm = viewModel();
        vm.load();
        assertThat(vm.recoveredNoticeProperty().get()).isEqualTo("Your local copy was damaged and has been rebuilt"
                + " from the provider; the damaged file was kept at " + aside + ".");
        assertThat(vm.storeSizeProperty().get()).isEqualTo("10 KB");
        assertThat(vm.lastSyncProperty().get()).isEqualTo("Never: nothing has been synced yet");
    }

    @Test
    void anUnreadableCopyIsSaidNotHidden() {
        overview.localFailure = new IllegalStateException("disk gone");
        AccountViewModel vm = viewModel();
        vm.load();
        // What to do, from the bundle; the exception's English is for the log only.
        assertThat(vm.localErrorProperty().get()).isEqualTo("This computer's copy could not be read, so these "
                + "details are not shown. Check that the disk is not full, then choose Sync now to read it again; "
                + "if it keeps happening, CourseDesk's log has the details.").doesNotContain("disk gone");
        overview.localFailure = null;
        vm.reloadLocal();
        assertThat(vm.localErrorProperty().get()).isEmpty();
    }

    // ----- credential store -----

    @Test
    void theSystemCredentialStoreIsNamed() {
        overview.credentials = new CredentialInfo("macOS Keychain", true);
        AccountViewModel vm = viewModel();
        vm.load();
        assertThat(vm.credentialTextProperty().get())
                .isEqualTo("Your sign-in is kept in macOS Keychain, the system's credential store.");
        assertThat(vm.credentialFallbackProperty().get()).isFalse();
    }

    @Test
    void theFallbackFileIsSaidPlainly() {
        overview.credentials = new CredentialInfo("file readable only by you (/x/credentials)", false);
        AccountViewModel vm = viewModel();
        vm.load();
        assertThat(vm.credentialTextProperty().get()).isEqualTo("Your sign-in is kept in a file only you can read,"
                + " because this computer has no system credential store.");
        assertThat(vm.credentialFallbackProperty().get()).isTrue();
    }

    // ----- action history -----

    @Test
    void historyRowsSayWhatWasAskedWhatTheProviderAnsweredAndWhen() {
        overview.history.add(new ActionEntry(FakeAccountOverview.action(3, ActionKind.REFUND, "pur_1", "key-3",
                ActionState.PENDING, ASKED, 0, null, null, null, null), "Machine Learning"));
        overview.history.add(new ActionEntry(FakeAccountOverview.action(2, ActionKind.RESTART, "sub_2", "key-2",
                ActionState.REFUSED, ASKED, 1, 409, "not_restartable",
                "The subscription is running and not set to end.", ANSWERED), "Deep Learning"));
        overview.history.add(new ActionEntry(FakeAccountOverview.action(1, ActionKind.CANCEL, "sub_1", "key-1",
                ActionState.CONFIRMED, ASKED, 1, 200, null, null, ANSWERED), "Cálculo Ñandú"));
        AccountViewModel vm = viewModel();
        vm.load();

        assertThat(vm.history()).extracting(ActionRow::id).containsExactly(3L, 2L, 1L);
        ActionRow pending = vm.history().get(0);
        assertThat(pending.what()).isEqualTo("Refund request: Machine Learning");
        assertThat(pending.state()).isEqualTo("Pending");
        assertThat(pending.stateStyle()).isEqualTo("pending");
        assertThat(pending.answer()).isEqualTo("Not sent yet: it is sent when you are online");
        assertThat(pending.serverTime()).isEqualTo("\u2014");
        assertThat(pending.askedAt()).isEqualTo("3 May 2026, 14:04");

        ActionRow refused = vm.history().get(1);
        assertThat(refused.what()).isEqualTo("Restart: Deep Learning");
        assertThat(refused.state()).isEqualTo("Refused");
        assertThat(refused.stateStyle()).isEqualTo("status-danger");
        assertThat(refused.answer()).isEqualTo("409 not_restartable: The subscription is running and not set to end.");
        assertThat(refused.serverTime()).isEqualTo("3 May 2026, 14:05");

        ActionRow confirmed = vm.history().get(2);
        assertThat(confirmed.what()).isEqualTo("Cancel: Cálculo Ñandú");
        assertThat(confirmed.state()).isEqualTo("Confirmed");
        assertThat(confirmed.stateStyle()).isEqualTo("status-ok");
        assertThat(confirmed.answer()).isEqualTo("200: done");
        assertThat(confirmed.key()).isEqualTo("key-1");

        assertThat(vm.historySummaryProperty().get()).isEqualTo("3 actions; 1 waiting to be sent.");
    }

    @Test
    void aRetriedActionSaysHowOftenItWasTriedAndAnUntitledOneShowsItsId() {
        overview.history.add(new ActionEntry(FakeAccountOverview.action(7, ActionKind.CANCEL, "sub_gone", "k",
                ActionState.SENDING, ASKED, 2, null, null, null, null), null));
        AccountViewModel vm = viewModel();
        vm.load();
        ActionRow row = vm.history().get(0);
        assertThat(row.what()).isEqualTo("Cancel: sub_gone");
        assertThat(row.state()).isEqualTo("Sending");
        assertThat(row.stateStyle()).isEqualTo("pending");
        assertThat(row.answer()).isEqualTo("No answer yet after 2 attempts; sent again, with the same key, when you are online");
        assertThat(vm.historySummaryProperty().get()).isEqualTo("1 action; 1 waiting to be sent.");
    }

    @Test
    void theDetailsOfARowAreAPlainTextProofWithExactTimesAndTheKey() {
        overview.history.add(new ActionEntry(FakeAccountOverview.action(2, ActionKind.CANCEL, "sub_9", "5f1c-key",
                ActionState.REFUSED, ASKED, 1, 409, "not_cancelable", "Already set to end.", ANSWERED), "Deep Learning"));
        AccountViewModel vm = viewModel();
        vm.load();
        assertThat(vm.selectedDetailsProperty().get()).isEmpty();
        vm.selectedActionProperty().set(vm.history().get(0));
        String details = vm.selectedDetailsProperty().get();
        assertThat(details.lines().toList()).containsExactly(
                "CourseDesk action 2 of ada@example.com (account acc_ada)",
                "Server: Demo (built-in sandbox)",
                "What: Cancel: Deep Learning",
                "Record: subscription sub_9",
                "Asked at: 3 May 2026, 14:04 (2026-05-03T13:04:00Z)",
                "State: Refused",
                "Provider's answer: 409 not_cancelable: Already set to end.",
                "Server time: 3 May 2026, 14:05 (2026-05-03T13:05:07Z)",
                "Idempotency key: 5f1c-key",
                "Request sent: {}");
    }

    @Test
    void aReloadKeepsTheSelectedActionAndShowsItsNewState() {
        overview.history.add(new ActionEntry(FakeAccountOverview.action(1, ActionKind.CANCEL, "sub_1", "k1",
                ActionState.PENDING, ASKED, 0, null, null, null, null), "ML"));
        AccountViewModel vm = viewModel();
        vm.load();
        vm.selectedActionProperty().set(vm.history().get(0));
        overview.history.clear();
        overview.history.add(new ActionEntry(FakeAccountOverview.action(1, ActionKind.CANCEL, "sub_1", "k1",
                ActionState.CONFIRMED, ASKED, 1, 200, null, null, ANSWERED), "ML"));
        vm.dataChanged();
        assertThat(vm.selectedActionProperty().get()).isNotNull();
        assertThat(vm.selectedActionProperty().get().state()).isEqualTo("Confirmed");
        assertThat(vm.selectedDetailsProperty().get()).contains("State: Confirmed");
    }

    @Test
    void anEmptyHistoryHasNoSummary() {
        AccountViewModel vm = viewModel();
        vm.load();
        assertThat(vm.history()).isEmpty();
        assertThat(vm.historySummaryProperty().get()).as("the empty table says what will appear").isEmpty();
    }

    @Test
    void spanishTextsAndDatesFollowTheLearnersLanguage() {
        Messages spanish = Messages.load(new Locale("es", "ES"));
        overview.history.add(new ActionEntry(FakeAccountOverview.action(1, ActionKind.CANCEL, "sub_1", "k1",
                ActionState.CONFIRMED, ASKED, 1, 200, null, null, ANSWERED), "ML"));
        AccountViewModel vm = new AccountViewModel(overview, spanish,
                new Formats(new Locale("es", "ES"), ZoneId.of("Europe/Madrid"), spanish), new ImmediateTaskRunner(),
                themes, settings, () -> { });
        vm.load();
        ActionRow row = vm.history().get(0);
        assertThat(row.what()).isEqualTo("Cancelar: ML");
        assertThat(row.state()).isEqualTo("Confirmada");
        assertThat(row.askedAt()).isEqualTo("3 may 2026 15:04");
        assertThat(vm.countryProperty().get()).isEqualTo("Reino Unido (GB)");

        // A restart is named as its button on the subscription card names it ("Reanudar…").
        overview.history.add(0, new ActionEntry(FakeAccountOverview.action(2, ActionKind.RESTART, "sub_1", "k2",
                ActionState.REFUSED, ASKED, 1, 402, "payment_failed", "The card was declined.", ANSWERED), "ML"));
        vm.load();
        assertThat(vm.history().get(0).what()).isEqualTo("Reanudar: ML")
                .startsWith(spanish.get("subscriptions.button.restart").replace("…", ""));
        assertThat(spanish.get("account.history.intro")).contains("reanudación").doesNotContain("reactiv");
    }

    // ----- theme, language, sign-out -----

    @Test
    void choosingAThemeAppliesItAndAChangeElsewhereIsFollowed() {
        themes.apply(ThemeChoice.LIGHT);
        AccountViewModel vm = viewModel();
        assertThat(vm.themeProperty().get()).isEqualTo(ThemeChoice.LIGHT);
        vm.themeProperty().set(ThemeChoice.DARK);
        assertThat(themes.choiceProperty().get()).isEqualTo(ThemeChoice.DARK);
        assertThat(appliedStylesheets).last().isEqualTo(new PrimerDark().getUserAgentStylesheetBSS());
        themes.apply(ThemeChoice.SYSTEM);
        assertThat(vm.themeProperty().get()).isEqualTo(ThemeChoice.SYSTEM);
        assertThat(vm.themeLabel(ThemeChoice.SYSTEM)).isEqualTo("Same as the system");
    }

    @Test
    void choosingALanguageSavesItAndSaysWhenItTakesEffect() {
        AccountViewModel vm = viewModel();
        assertThat(vm.languageProperty().get().locale()).isNull();
        assertThat(vm.languages()).extracting(LanguageOption::label)
                .containsExactly("System default", "English", "Español");

        vm.languageProperty().set(vm.languages().get(2));
        assertThat(new UserSettings(dir.resolve("settings").resolve("preferences.properties")).language())
                .contains(Locale.forLanguageTag("es"));
        assertThat(vm.languageNoteProperty().get()).isEqualTo("The language changes the next time CourseDesk starts.");

        // Back to the language on screen: nothing changes at the next start, so nothing to say.
        vm.languageProperty().set(vm.languages().get(1));
        assertThat(settings.language()).contains(Locale.ENGLISH);
        assertThat(vm.languageNoteProperty().get()).isEmpty();

        vm.languageProperty().set(vm.languages().get(0));
        assertThat(settings.language()).isEmpty();
    }

    @Test
    void theSavedLanguageIsPreselected() {
        settings.setLanguage(new Locale("es", "MX"));
        AccountViewModel vm = viewModel();
        assertThat(vm.languageProperty().get().label()).isEqualTo("Español");
    }

    @Test
    void signingOutWithAnActionWaitingSaysItIsNotSentWhileSignedOut() {
        AccountViewModel vm = viewModel();
        vm.load();
        assertThat(vm.signOutHeader()).isEqualTo("Sign out of ada@example.com?");
        assertThat(vm.signOutQuestion()).startsWith("You will be signed out").doesNotContain("waiting");

        overview.history.add(new ActionEntry(FakeAccountOverview.action(1, ActionKind.CANCEL, "sub_1", "key-1",
                ActionState.PENDING, ASKED, 1, null, null, null, null), "Machine Learning"));
        vm.dataChanged();
        assertThat(vm.signOutQuestion()).startsWith("1 action is still waiting to be sent to your provider"
                        + " (see the action history). Nothing is sent while you are signed out: sign in again to send it.")
                .contains("You will be signed out");

        overview.history.add(new ActionEntry(FakeAccountOverview.action(2, ActionKind.REFUND, "pur_1", "key-2",
                ActionState.PENDING, ASKED, 0, null, null, null, null), "Python"));
        vm.dataChanged();
        assertThat(vm.signOutQuestion()).startsWith("2 actions are still waiting").contains("send them.");

        Messages spanish = Messages.load(new Locale("es"));
        AccountViewModel es = new AccountViewModel(overview, spanish,
                new Formats(new Locale("es"), ZoneId.of("Europe/Madrid"), spanish), new ImmediateTaskRunner(), themes,
                settings, signOuts::incrementAndGet);
        es.load();
        assertThat(es.signOutQuestion()).startsWith("2 acciones siguen esperando a enviarse a tu proveedor");
    }

    @Test
    void signOutCallsTheShellsHook() {
        AccountViewModel vm = viewModel();
        assertThat(signOuts).hasValue(0);
        vm.signOut();
        assertThat(signOuts).hasValue(1);
    }
}
