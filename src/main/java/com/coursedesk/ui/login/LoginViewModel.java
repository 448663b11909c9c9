package com.coursedesk.ui.login;

import com.coursedesk.domain.KnownAccount;
import com.coursedesk.domain.ServerRef;
import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.service.auth.SignInException;
import com.coursedesk.service.auth.SignInService;
import com.coursedesk.ui.common.Formats;
import com.coursedesk.ui.common.Messages;
import com.coursedesk.ui.common.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The sign-in screen's state: which server, the credentials, whether Sign in may be pressed,
 * and what went wrong in plain words. Signing in and opening a local copy run off the UI thread.
 */
public final class LoginViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(LoginViewModel.class);

    /** Where to sign in. */
    public enum ServerKind { DEMO, PROVIDER }

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final SignInService signIn;
    private final TaskRunner tasks;
    private final Messages messages;
    private final Formats formats;
    private final Clock clock;
    private final Consumer<AccountSession> onSignedIn;

    private final ObjectProperty<ServerKind> serverKind = new SimpleObjectProperty<>(ServerKind.DEMO);
    private final StringProperty serverUrl = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper serverUrlProblem = new ReadOnlyStringWrapper("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper("");
    private final BooleanProperty rateLimited = new SimpleBooleanProperty(false);
    private final ObservableList<KnownAccount> knownAccounts = FXCollections.observableArrayList();
    private final ObservableList<DemoCredentials> demoAccounts;
    private final BooleanBinding canSignIn;
    private Instant retryAt;
    /** The server and email the rate limit was answered for ({@link #limitKey()}); null without one. */
    private String limitedKey;

    public LoginViewModel(SignInService signIn, List<DemoCredentials> demoAccounts, TaskRunner tasks, Messages messages,
                          Formats formats, Clock clock, Consumer<AccountSession> onSignedIn) {
        this.signIn = signIn;
        this.tasks = tasks;
        this.messages = messages;
        this.formats = formats;
        this.clock = clock;
        this.onSignedIn = onSignedIn;
        this.demoAccounts = FXCollections.observableArrayList(demoAccounts);
        serverUrl.addListener((obs, old, now) -> serverUrlProblem.set(urlProblem()));
        serverKind.addListener((obs, old, now) -> serverUrlProblem.set(urlProblem()));
        // The provider limits attempts per email: another email or server may be tried at once.
        email.addListener((obs, old, now) -> followRateLimit());
        serverUrl.addListener((obs, old, now) -> followRateLimit());
        serverKind.addListener((obs, old, now) -> followRateLimit());
        canSignIn = Bindings.createBooleanBinding(this::inputIsValid, serverKind, serverUrl, email, password, busy,
                rateLimited);
        if (!demoAccounts.isEmpty()) {
            // A new user sees real data with one press: the demo's first account is filled in.
            useDemoAccount(demoAccounts.get(0));
        }
    }

    private boolean inputIsValid() {
        return !busy.get() && !rateLimited.get() && EMAIL.matcher(email.get().trim()).matches()
                && !password.get().isEmpty() && urlProblem().isEmpty();
    }

    private String urlProblem() {
        if (serverKind.get() == ServerKind.DEMO || serverUrl.get().isBlank()) {
            return serverKind.get() == ServerKind.DEMO ? "" : messages.get("login.server.url.required");
        }
        try {
            ServerRef.ofUrl(serverUrl.get());
            return "";
        } catch (ServerRef.InvalidAddressException e) {
            return messages.get("login.server.url.invalid", messages.get(e.problem().messageKey()));
        }
    }

    /** Loads the accounts with a local copy (off the UI thread). */
    public void loadKnownAccounts() {
        tasks.task(signIn::knownAccounts).name("known-accounts").onSuccess(knownAccounts::setAll).start();
    }

    public void useDemoAccount(DemoCredentials account) {
        serverKind.set(ServerKind.DEMO);
        email.set(account.email());
        password.set(account.password());
    }

    /**
     * Fills in the server and email of an account whose session ended, for "Sign in again":
     * the form's defaults (the demo server, its first account) would sign in somewhere else.
     */
    public void signInAgainAs(KnownAccount account) {
        if (account.server().isDemo()) {
            serverKind.set(ServerKind.DEMO);
        } else {
            serverUrl.set(account.server().value());
            serverKind.set(ServerKind.PROVIDER);
        }
        email.set(account.email());
        password.set("");
    }

    /** Signs in with what was typed; the password leaves this object as a char[] that is wiped. */
    public void signIn() {
        if (!canSignIn.get()) {
            return;
        }
        ServerRef server = serverKind.get() == ServerKind.DEMO ? ServerRef.DEMO : ServerRef.ofUrl(serverUrl.get());
        String address = email.get().trim();
        char[] secret = password.get().toCharArray();
        String key = limitKey();
        password.set("");
        error.set("");
        busy.set(true);
        busyText.set(messages.get(server.isDemo() ? "login.busy.demo" : "login.busy.signingIn"));
        tasks.task(() -> signIn.signIn(server, address, secret))
                .name("sign-in")
                .onSuccess(onSignedIn::accept)
                .onFailure(failure -> showFailure(failure, key))
                .onDone(() -> busy.set(false))
                .start();
    }

    /** Which server and email a sign-in is for, as the provider counts attempts. */
    private String limitKey() {
        String server = serverKind.get() == ServerKind.DEMO ? ServerRef.DEMO.value() : serverUrl.get().trim();
        return server + "|" + email.get().trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Shows the rate limit while the server and email it was answered for are the ones typed,
     * and lifts it (with its message) for any other: the wait belongs to that email alone.
     */
    private void followRateLimit() {
        if (retryAt == null) {
            return;
        }
        if (limitKey().equals(limitedKey)) {
            rateLimited.set(true);
            tick();
        } else if (rateLimited.get()) {
            rateLimited.set(false);
            error.set("");
        }
    }

    /** Opens an account from its local copy at once; it syncs when the server answers. */
    public void open(KnownAccount account) {
        error.set("");
        busy.set(true);
        busyText.set(messages.get("login.busy.opening", account.email()));
        tasks.task(() -> signIn.open(account))
                .name("open-account")
                .onSuccess(onSignedIn::accept)
                .onFailure(failure -> {
                    LOG.warn("Opening {} failed: {}", account.accountId(), String.valueOf(failure));
                    showOpenFailure(failure);
                })
                .onDone(() -> busy.set(false))
                .start();
    }

    /**
     * Says that an account's local copy could not be opened (here, or at launch), and what to
     * do, in the learner's language only: the failure's (English) detail is for the log, which
     * the caller writes.
     */
    public void showOpenFailure(Throwable failure) {
        error.set(messages.get("login.error.open"));
    }

    private void showFailure(Throwable failure, String key) {
        if (!(failure instanceof SignInException e)) {
            // SignInService logs its own refusals; anything else is logged here, once.
            LOG.warn("Sign-in failed unexpectedly: {}", String.valueOf(failure));
            error.set(messages.get("login.error.unexpected"));
            return;
        }
        switch (e.reason()) {
            case WRONG_CREDENTIALS -> error.set(messages.get("login.error.credentials"));
            case RATE_LIMITED -> {
                Duration wait = e.retryAfter() == null ? Duration.ofSeconds(60) : e.retryAfter();
                retryAt = clock.instant().plus(wait);
                limitedKey = key;
                followRateLimit();
            }
            case UNREACHABLE -> error.set(messages.get(serverKind.get() == ServerKind.DEMO
                    ? "login.error.demoUnavailable" : "login.error.unreachable"));
            case TIMED_OUT -> error.set(messages.get("login.error.timedOut"));
            case UNTRUSTED_CERTIFICATE -> error.set(messages.get("login.error.untrustedCertificate"));
            case SERVER_FAILED -> error.set(messages.get("login.error.serverFailed"));
            case NOT_A_BILLING_SERVER -> error.set(messages.get("login.error.notBillingServer"));
            // An address the connector refused, or an email/password not filled in; the
            // service's English words for it are in its log line.
            case INVALID_INPUT -> error.set(messages.get(e.getCause() instanceof IllegalArgumentException
                    ? "login.error.invalidAddress" : "login.error.invalid"));
            case INPUT_REFUSED -> error.set(messages.get("login.error.inputRefused"));
        }
    }

    /** Called every second by the view while a rate limit counts down. */
    public void tick() {
        if (retryAt == null) {
            return;
        }
        long millis = Duration.between(clock.instant(), retryAt).toMillis();
        if (millis <= 0) {
            retryAt = null;
            limitedKey = null;
            if (rateLimited.get()) {
                rateLimited.set(false);
                error.set("");
            }
        } else if (rateLimited.get()) {
            // Rounded up: "0 seconds" would be shown while Sign in is still refused. A wait of
            // more than a minute is said in minutes (the provider's lock is 15 of them).
            long seconds = (millis + 999) / 1000;
            error.set(seconds <= 60 ? messages.get("login.error.rateLimited", seconds)
                    : messages.get("login.error.rateLimitedMinutes", (seconds + 59) / 60));
        }
    }

    /** "Last synced 3 May, 10:42" for a known account, or "never synced". */
    public String lastSyncedText(KnownAccount account) {
        return account.lastSyncedAt() == null ? messages.get("login.known.neverSynced")
                : messages.get("login.known.lastSynced", formats.dateTime(account.lastSyncedAt()));
    }

    public String serverText(KnownAccount account) {
        return account.server().isDemo() ? messages.get("login.server.demo") : account.server().value();
    }

    public ObjectProperty<ServerKind> serverKindProperty() {
        return serverKind;
    }

    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    public ReadOnlyStringProperty serverUrlProblemProperty() {
        return serverUrlProblem.getReadOnlyProperty();
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty busyTextProperty() {
        return busyText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanProperty rateLimitedProperty() {
        return rateLimited;
    }

    public BooleanBinding canSignInProperty() {
        return canSignIn;
    }

    public ObservableList<KnownAccount> knownAccounts() {
        return knownAccounts;
    }

    public ObservableList<DemoCredentials> demoAccounts() {
        return demoAccounts;
    }
}
