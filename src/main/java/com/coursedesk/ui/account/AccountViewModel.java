package com.coursedesk.ui.account;

import com.coursedesk.data.db.ActionRecord;
import com.coursedesk.data.db.ActionState;
import com.coursedesk.data.db.RecordType;
import com.coursedesk.domain.Account;
import com.coursedesk.domain.KnownAccount;
import com.coursedesk.platform.ThemeChoice;
import com.coursedesk.service.account.AccountOverview;
import com.coursedesk.service.account.ActionEntry;
import com.coursedesk.service.account.CredentialInfo;
import com.coursedesk.service.account.ProfileLookup;
import com.coursedesk.service.account.StorageInfo;
import com.coursedesk.ui.common.Formats;
import com.coursedesk.ui.common.Messages;
import com.coursedesk.ui.common.TaskRunner;
import com.coursedesk.ui.common.ThemeManager;
import com.coursedesk.ui.shell.UserSettings;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The Account page: who the learner is (from the provider when it answers, from this computer
 * when not, saying so), where the data and the sign-in are kept, every action asked for with
 * the provider's answer (the learner's proof), and the theme, language and sign-out.
 */
public final class AccountViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(AccountViewModel.class);
    private static final String DASH = "\u2014";
    private static final long MEGABYTE = 1024L * 1024L;

    private final AccountOverview overview;
    private final Messages messages;
    private final Formats formats;
    private final TaskRunner tasks;
    private final ThemeManager themes;
    private final UserSettings settings;
    private final Runnable signOutHook;
    /** Actions in the history not yet answered by the provider, as last read. */
    private int waitingActions;
    private final KnownAccount known;

    private final ReadOnlyStringWrapper displayName = new ReadOnlyStringWrapper(this, "displayName");
    private final ReadOnlyStringWrapper email = new ReadOnlyStringWrapper(this, "email");
    private final ReadOnlyStringWrapper accountId = new ReadOnlyStringWrapper(this, "accountId");
    private final ReadOnlyStringWrapper server = new ReadOnlyStringWrapper(this, "server");
    private final ReadOnlyStringWrapper country = new ReadOnlyStringWrapper(this, "country");
    private final ReadOnlyStringWrapper currency = new ReadOnlyStringWrapper(this, "currency");
    private final ReadOnlyStringWrapper locale = new ReadOnlyStringWrapper(this, "locale");
    private final ReadOnlyStringWrapper profileStatus = new ReadOnlyStringWrapper(this, "profileStatus");
    private final ReadOnlyStringWrapper profileStatusStyle = new ReadOnlyStringWrapper(this, "profileStatusStyle");
    private final ReadOnlyBooleanWrapper profileOnline = new ReadOnlyBooleanWrapper(this, "profileOnline");
    private final ReadOnlyBooleanWrapper profileLoading = new ReadOnlyBooleanWrapper(this, "profileLoading");

    private final ReadOnlyStringWrapper storeFile = new ReadOnlyStringWrapper(this, "storeFile");
    private final ReadOnlyStringWrapper storeSize = new ReadOnlyStringWrapper(this, "storeSize", DASH);
    private final ReadOnlyStringWrapper lastSync = new ReadOnlyStringWrapper(this, "lastSync", DASH);
    private final ReadOnlyStringWrapper recoveredNotice = new ReadOnlyStringWrapper(this, "recoveredNotice", "");
    private final ReadOnlyStringWrapper credentialText = new ReadOnlyStringWrapper(this, "credentialText", DASH);
    private final ReadOnlyBooleanWrapper credentialFallback = new ReadOnlyBooleanWrapper(this, "credentialFallback");
    private final ReadOnlyStringWrapper localError = new ReadOnlyStringWrapper(this, "localError", "");

    private final ObservableList<ActionRow> history = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper historySummary = new ReadOnlyStringWrapper(this, "historySummary", "");
    private final ObjectProperty<ActionRow> selectedAction = new SimpleObjectProperty<>(this, "selectedAction");
    private final ReadOnlyStringWrapper selectedDetails = new ReadOnlyStringWrapper(this, "selectedDetails", "");

    private final ObjectProperty<ThemeChoice> theme = new SimpleObjectProperty<>(this, "theme");
    private final ObservableList<LanguageOption> languages;
    private final ObjectProperty<LanguageOption> language = new SimpleObjectProperty<>(this, "language");
    private final ReadOnlyStringWrapper languageNote = new ReadOnlyStringWrapper(this, "languageNote", "");
    /** Held here: the theme manager keeps only a weak reference, so a closed page can go. */
    private final ChangeListener<ThemeChoice> followThemeManager;

    private TaskRunner.Handle profileTask;
    private TaskRunner.Handle localTask;

    /**
     * @param overview the account's facts (slow methods run through {@code tasks})
     * @param signOut  the shell's sign-out; called only after the learner confirmed
     */
    public AccountViewModel(AccountOverview overview, Messages messages, Formats formats, TaskRunner tasks,
                            ThemeManager themes, UserSettings settings, Runnable signOut) {
        this.overview = Objects.requireNonNull(overview, "overview");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.formats = Objects.requireNonNull(formats, "formats");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.themes = Objects.requireNonNull(themes, "themes");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.signOutHook = Objects.requireNonNull(signOut, "signOut");
        this.known = overview.known();

        showKnown();
        profileStatus.set(messages.get("account.profile.status.loading"));
        profileStatusStyle.set("muted");

        selectedDetails.bind(Bindings.createStringBinding(
                () -> selectedAction.get() == null ? "" : selectedAction.get().details(), selectedAction));

        ThemeChoice current = themes.choiceProperty().get();
        theme.set(current == null ? ThemeChoice.SYSTEM : current);
        followThemeManager = (obs, old, chosen) -> {
            if (chosen != null) {
                theme.set(chosen);
            }
        };
        themes.choiceProperty().addListener(new WeakChangeListener<>(followThemeManager));
        theme.addListener((obs, old, chosen) -> {
            if (chosen != null && chosen != themes.choiceProperty().get()) {
                themes.apply(chosen);
            }
        });

        languages = FXCollections.observableArrayList(
                new LanguageOption(null, messages.get("account.language.system")),
                new LanguageOption(Locale.ENGLISH, messages.get("account.language.english")),
                new LanguageOption(new Locale("es"), messages.get("account.language.spanish")));
        language.set(optionFor(settings.language().orElse(null)));
        language.addListener((obs, old, chosen) -> {
            if (chosen != null && !chosen.equals(old)) {
                saveLanguage(chosen);
            }
        });
    }

    // ----- loading -----

    /** Loads everything: the local facts at once, the profile from the provider. */
    public void load() {
        reloadLocal();
        refreshProfile();
    }

    /**
     * The account's data changed (a sync ended, an action was queued or answered): reads the
     * local facts again, and asks the provider for the profile again: "Up to date with your
     * provider." must not stay on screen once the provider stopped answering.
     */
    public void dataChanged() {
        reloadLocal();
        if (!profileLoading.get()) {
            refreshProfile();
        }
    }

    /** Asks the provider for the profile; until it answers, what this computer knows shows. */
    public void refreshProfile() {
        if (profileTask != null) {
            profileTask.cancel();
        }
        profileLoading.set(true);
        if (!profileOnline.get()) {
            profileStatus.set(messages.get("account.profile.status.loading"));
            profileStatusStyle.set("muted");
        }
        profileTask = tasks.task(overview::profile)
                .name("account-profile")
                .onSuccess(this::showProfile)
                .onFailure(error -> {
                    LOG.warn("Could not look up the profile", error);
                    showProfile(ProfileLookup.offline(known, ProfileLookup.Offline.SERVER_FAILED));
                })
                .onDone(() -> profileLoading.set(false))
                .start();
    }

    /** Reads the store's file, size and last sync, the credential store and the action history. */
    public void reloadLocal() {
        if (localTask != null) {
            localTask.cancel();
        }
        localTask = tasks.task(() -> new LocalFacts(overview.storage(), overview.credentials(), overview.history()))
                .name("account-local")
                .onSuccess(this::showLocal)
                .onFailure(error -> {
                    // The failure's English is for the log; the learner reads what to do.
                    LOG.warn("Could not read the account's local facts: {}", String.valueOf(error));
                    localError.set(messages.get("account.data.loadFailed"));
                })
                .start();
    }

    private record LocalFacts(StorageInfo storage, CredentialInfo credentials, List<ActionEntry> history) {
    }

    // ----- profile -----

    private void showKnown() {
        displayName.set(known.displayName());
        email.set(known.email());
        accountId.set(known.accountId());
        server.set(known.server().isDemo() ? messages.get("account.profile.server.demo") : known.server().value());
        String unknown = messages.get("account.profile.notKnownHere");
        country.set(unknown);
        currency.set(unknown);
        locale.set(unknown);
    }

    private void showProfile(ProfileLookup lookup) {
        if (lookup.isOnline()) {
            Account a = lookup.fromServer();
            displayName.set(a.displayName());
            email.set(a.email());
            accountId.set(a.id());
            country.set(countryName(a.country()));
            currency.set(currencyName(a.currency()));
            locale.set(a.locale().getDisplayName(formats.locale()));
            profileOnline.set(true);
            profileStatus.set(messages.get("account.profile.status.online"));
            profileStatusStyle.set("status-ok");
            return;
        }
        if (profileOnline.get()) {
            // Shown from the provider earlier: still true; only say that it could not be checked now.
            profileOnline.set(false);
        } else {
            showKnown();
        }
        profileStatus.set(switch (lookup.offline()) {
            case UNREACHABLE -> messages.get("account.profile.status.offline");
            case UNTRUSTED_CERTIFICATE -> messages.get("account.profile.status.untrustedCertificate");
            case SIGNED_OUT -> messages.get("account.profile.status.signedOut");
            case SESSION_ENDED -> messages.get("account.profile.status.sessionEnded");
            case SERVER_FAILED -> messages.get("account.profile.status.serverFailed");
        });
        profileStatusStyle.set("status-warning");
    }

    private String countryName(String code) {
        String name = new Locale("", code).getDisplayCountry(formats.locale());
        return name.isBlank() || name.equals(code) ? code : messages.get("account.profile.named", name, code);
    }

    private String currencyName(Currency value) {
        String name = value.getDisplayName(formats.locale());
        String code = value.getCurrencyCode();
        return name.isBlank() || name.equals(code) ? code : messages.get("account.profile.named", name, code);
    }

    // ----- local facts -----

    private void showLocal(LocalFacts facts) {
        localError.set("");
        StorageInfo storage = facts.storage();
        storeFile.set(storage.storeFile().toString());
        storeSize.set(size(storage.sizeBytes()));
        lastSync.set(storage.lastSyncServerTime() == null ? messages.get("account.data.lastSync.never")
                : messages.get("account.data.lastSync.value", formats.dateTime(storage.lastSyncServerTime())));
        recoveredNotice.set(storage.recovered()
                ? messages.get("account.data.recovered", String.valueOf(storage.movedAsideTo())) : "");

        CredentialInfo credentials = facts.credentials();
        credentialFallback.set(!credentials.operatingSystem());
        credentialText.set(credentials.operatingSystem()
                ? messages.get("account.credentials.system", credentials.description())
                : messages.get("account.credentials.fallback"));

        long selectedId = selectedAction.get() == null ? -1 : selectedAction.get().id();
        List<ActionRow> rows = new ArrayList<>(facts.history().size());
        int waiting = 0;
        for (ActionEntry entry : facts.history()) {
            rows.add(row(entry));
            if (entry.action().state().isOpen()) {
                waiting++;
            }
        }
        history.setAll(rows);
        waitingActions = waiting;
        // Nothing to sum up with no actions: the empty table says what will appear there.
        historySummary.set(rows.isEmpty() ? "" : messages.get("account.history.summary", rows.size(), waiting));
        selectedAction.set(rows.stream().filter(r -> r.id() == selectedId).findFirst().orElse(null));
    }

    private String size(long bytes) {
        if (bytes < 0) {
            return messages.get("account.data.size.unknown");
        }
        if (bytes < MEGABYTE) {
            return messages.get("account.data.size.kb", Math.max(1, (bytes + 1023) / 1024));
        }
        return messages.get("account.data.size.mb", bytes / (double) MEGABYTE);
    }

    // ----- history -----

    ActionRow row(ActionEntry entry) {
        ActionRecord a = entry.action();
        String title = entry.targetTitle() == null ? a.targetId() : entry.targetTitle();
        String what = messages.get("account.history.what", kindLabel(a), title);
        String state = stateLabel(a.state());
        String answer = answer(a);
        String askedAt = formats.dateTime(a.createdAt());
        String serverTime = a.serverTime() == null ? DASH : formats.dateTime(a.serverTime());
        return new ActionRow(a.id(), askedAt, what, state, stateStyle(a.state()), answer, serverTime,
                a.idempotencyKey(), details(a, what, state, answer));
    }

    private String kindLabel(ActionRecord a) {
        return switch (a.kind()) {
            case CANCEL -> messages.get("account.history.kind.cancel");
            case RESTART -> messages.get("account.history.kind.restart");
            case REFUND -> messages.get("account.history.kind.refund");
        };
    }

    private String stateLabel(ActionState state) {
        return switch (state) {
            case PENDING -> messages.get("account.history.state.pending");
            case SENDING -> messages.get("account.history.state.sending");
            case CONFIRMED -> messages.get("account.history.state.confirmed");
            case REFUSED -> messages.get("account.history.state.refused");
            case FAILED -> messages.get("account.history.state.failed");
        };
    }

    /** The app.css class that colours a state: waiting, done, or said no. */
    static String stateStyle(ActionState state) {
        return switch (state) {
            case PENDING, SENDING -> "pending";
            case CONFIRMED -> "status-ok";
            case REFUSED, FAILED -> "status-danger";
        };
    }

    private String answer(ActionRecord a) {
        if (a.state().isOpen()) {
            return a.attempts() == 0 ? messages.get("account.history.answer.notSent")
                    : messages.get("account.history.answer.noAnswer", a.attempts());
        }
        String status = a.serverStatus() == null ? "?" : String.valueOf(a.serverStatus());
        if (a.state() == ActionState.CONFIRMED) {
            return messages.get("account.history.answer.confirmed", status);
        }
        // The provider's own words: its HTTP status, stable code and explanation.
        StringBuilder text = new StringBuilder(status);
        if (a.serverCode() != null && !a.serverCode().isBlank()) {
            text.append(' ').append(a.serverCode());
        }
        if (a.serverDetail() != null && !a.serverDetail().isBlank()) {
            text.append(": ").append(a.serverDetail());
        }
        return text.toString();
    }

    private String details(ActionRecord a, String what, String state, String answer) {
        StringJoiner lines = new StringJoiner(System.lineSeparator());
        lines.add(messages.get("account.history.details.header", String.valueOf(a.id()), known.email(),
                known.accountId()));
        lines.add(messages.get("account.history.details.server", server.get()));
        lines.add(messages.get("account.history.details.what", what));
        lines.add(messages.get("account.history.details.target", a.targetType() == RecordType.PURCHASE
                ? messages.get("account.history.target.purchase")
                : messages.get("account.history.target.subscription"), a.targetId()));
        lines.add(messages.get("account.history.details.askedAt", formats.dateTime(a.createdAt()), utc(a.createdAt())));
        lines.add(messages.get("account.history.details.state", state));
        lines.add(messages.get("account.history.details.answer", answer));
        lines.add(a.serverTime() == null ? messages.get("account.history.details.serverTimeNone")
                : messages.get("account.history.details.serverTime", formats.dateTime(a.serverTime()),
                utc(a.serverTime())));
        lines.add(messages.get("account.history.details.key", a.idempotencyKey()));
        lines.add(messages.get("account.history.details.request", a.requestJson()));
        return lines.toString();
    }

    /** The exact instant, unambiguous whatever the reader's zone. */
    private static String utc(Instant instant) {
        return instant.toString();
    }

    // ----- preferences and sign-out -----

    public String themeLabel(ThemeChoice choice) {
        if (choice == null) {
            return "";
        }
        return switch (choice) {
            case LIGHT -> messages.get("account.theme.light");
            case DARK -> messages.get("account.theme.dark");
            case SYSTEM -> messages.get("account.theme.system");
        };
    }

    private LanguageOption optionFor(Locale saved) {
        if (saved != null) {
            for (LanguageOption option : languages) {
                if (option.locale() != null && option.locale().getLanguage().equals(saved.getLanguage())) {
                    return option;
                }
            }
        }
        return languages.get(0);
    }

    private void saveLanguage(LanguageOption chosen) {
        tasks.task(() -> {
            settings.setLanguage(chosen.locale());
            return chosen;
        }).name("save-language").onSuccess(saved -> {
            String next = saved.locale() != null ? saved.locale().getLanguage()
                    : Messages.resolveLocale(Locale.getDefault()).getLanguage();
            // The texts are loaded once at start: a new language shows after a restart.
            languageNote.set(next.equals(messages.locale().getLanguage()) ? ""
                    : messages.get("account.language.restartNote"));
        }).onFailure(error -> {
            LOG.warn("Could not save the language", error);
            languageNote.set(messages.get("account.language.saveFailed"));
        }).start();
    }

    /** The sign-out confirmation's heading: "Sign out of ada@example.com?". */
    public String signOutHeader() {
        return messages.get("account.signOut.header", email.get());
    }

    /**
     * What signing out does, for the confirmation; when actions still wait to be sent it says
     * first that nothing is sent while signed out (a cancellation not sent is a payment taken).
     */
    public String signOutQuestion() {
        String question = messages.get("account.signOut.question", email.get());
        return waitingActions == 0 ? question
                : messages.get("account.signOut.waiting", waitingActions) + "\n\n" + question;
    }

    /** Signs out through the shell; the view asks the learner to confirm first. */
    public void signOut() {
        signOutHook.run();
    }

    // ----- properties -----

    public ReadOnlyStringProperty displayNameProperty() {
        return displayName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emailProperty() {
        return email.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty accountIdProperty() {
        return accountId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty serverProperty() {
        return server.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countryProperty() {
        return country.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty currencyProperty() {
        return currency.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty localeProperty() {
        return locale.getReadOnlyProperty();
    }

    /** "Up to date with the provider", "Offline — …", in plain words. */
    public ReadOnlyStringProperty profileStatusProperty() {
        return profileStatus.getReadOnlyProperty();
    }

    /** The app.css class of {@link #profileStatusProperty()}. */
    public ReadOnlyStringProperty profileStatusStyleProperty() {
        return profileStatusStyle.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty profileOnlineProperty() {
        return profileOnline.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty profileLoadingProperty() {
        return profileLoading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty storeFileProperty() {
        return storeFile.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty storeSizeProperty() {
        return storeSize.getReadOnlyProperty();
    }

    /** The last complete sync, by the server's clock, in the learner's zone. */
    public ReadOnlyStringProperty lastSyncProperty() {
        return lastSync.getReadOnlyProperty();
    }

    /** Empty unless the local copy was damaged and rebuilt. */
    public ReadOnlyStringProperty recoveredNoticeProperty() {
        return recoveredNotice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty credentialTextProperty() {
        return credentialText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty credentialFallbackProperty() {
        return credentialFallback.getReadOnlyProperty();
    }

    /** Empty unless the local copy could not be read. */
    public ReadOnlyStringProperty localErrorProperty() {
        return localError.getReadOnlyProperty();
    }

    /** Every action, newest first. */
    public ObservableList<ActionRow> history() {
        return history;
    }

    /** "3 actions, 1 waiting to be sent", or what the history is for while it is empty. */
    public ReadOnlyStringProperty historySummaryProperty() {
        return historySummary.getReadOnlyProperty();
    }

    public ObjectProperty<ActionRow> selectedActionProperty() {
        return selectedAction;
    }

    /** The selected action in plain text (what "Copy details" puts on the clipboard). */
    public ReadOnlyStringProperty selectedDetailsProperty() {
        return selectedDetails.getReadOnlyProperty();
    }

    public List<ThemeChoice> themeChoices() {
        return List.of(ThemeChoice.LIGHT, ThemeChoice.DARK, ThemeChoice.SYSTEM);
    }

    /** The chosen theme; setting it applies it at once. */
    public ObjectProperty<ThemeChoice> themeProperty() {
        return theme;
    }

    public ObservableList<LanguageOption> languages() {
        return languages;
    }

    /** The chosen language; setting it saves it for the next start. */
    public ObjectProperty<LanguageOption> languageProperty() {
        return language;
    }

    /** Empty, or "The language changes the next time CourseDesk starts". */
    public ReadOnlyStringProperty languageNoteProperty() {
        return languageNote.getReadOnlyProperty();
    }
}
