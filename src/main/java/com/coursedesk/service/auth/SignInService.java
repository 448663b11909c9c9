package com.coursedesk.service.auth;

import com.coursedesk.data.accounts.KnownAccountsFile;
import com.coursedesk.data.api.ApiErrorCode;
import com.coursedesk.data.api.ApiException;
import com.coursedesk.data.api.ApiProtocolException;
import com.coursedesk.data.api.ApiUnreachableException;
import com.coursedesk.data.api.BillingApiClient;
import com.coursedesk.data.api.TokenResponse;
import com.coursedesk.data.db.AccountStorePaths;
import com.coursedesk.data.db.OpenResult;
import com.coursedesk.data.db.StoreOpener;
import com.coursedesk.domain.KnownAccount;
import com.coursedesk.domain.ServerRef;
import com.coursedesk.platform.credentials.CredentialStore;
import com.coursedesk.service.actions.ActionService;
import com.coursedesk.service.sync.SyncEngine;
import com.coursedesk.service.sync.SyncStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Signs learners in and out, and opens accounts that have a local copy (offline if need be).
 * The password is used for one request and then wiped; only the refresh token is kept, in the
 * credential store.
 */
public final class SignInService {

    private static final Logger LOG = LoggerFactory.getLogger(SignInService.class);

    private final ServerConnector connector;
    private final CredentialStore credentials;
    private final KnownAccountsFile knownAccounts;
    private final StoreOpener storeOpener;
    private final Path accountsDir;
    private final Clock clock;
    private final Supplier<String> idempotencyKeys;
    private final int syncPageLimit;

    public SignInService(ServerConnector connector, CredentialStore credentials, KnownAccountsFile knownAccounts,
                         StoreOpener storeOpener, Path accountsDir, Clock clock, Supplier<String> idempotencyKeys,
                         int syncPageLimit) {
        this.connector = connector;
        this.credentials = credentials;
        this.knownAccounts = knownAccounts;
        this.storeOpener = storeOpener;
        this.accountsDir = accountsDir;
        this.clock = clock;
        this.idempotencyKeys = idempotencyKeys;
        this.syncPageLimit = syncPageLimit;
    }

    /** Accounts with a local copy on this computer. */
    public List<KnownAccount> knownAccounts() {
        return knownAccounts.list();
    }

    /** Where the refresh tokens are kept, in words (for {@code status} and the Account page). */
    public String credentialStoreDescription() {
        return credentials.description();
    }

    /**
     * Signs in with email and password and opens the account. The password array is wiped
     * before this returns, whatever happens.
     */
    public AccountSession signIn(ServerRef server, String email, char[] password) {
        try {
            return signInOnce(server, email, password);
        } catch (SignInException e) {
            logFailure(server, e);
            throw e;
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private AccountSession signInOnce(ServerRef server, String email, char[] password) {
        String trimmed = email == null ? "" : email.trim();
        if (!trimmed.contains("@") || password == null || password.length == 0) {
            throw new SignInException(SignInException.Reason.INVALID_INPUT,
                    "Enter your email address and password.", null, null);
        }
        BillingApiClient api = connect(server);
        TokenResponse tokens;
        try {
            tokens = api.login(trimmed, password);
        } catch (ApiException e) {
            if (e.code() == ApiErrorCode.INVALID_CREDENTIALS) {
                throw new SignInException(SignInException.Reason.WRONG_CREDENTIALS,
                        "Wrong email or password.", null, e);
            }
            if (e.status() == 429) {
                throw new SignInException(SignInException.Reason.RATE_LIMITED, "Too many attempts.",
                        e.retryAfter().orElse(java.time.Duration.ofSeconds(60)), e);
            }
            if (isNotTheBillingApi(e)) {
                throw new SignInException(SignInException.Reason.NOT_A_BILLING_SERVER,
                        "The address does not answer as a billing server (HTTP " + e.status() + ").", null, e);
            }
            if (e.status() == 400) {
                throw new SignInException(SignInException.Reason.INPUT_REFUSED, "The server refused the input.",
                        null, e);
            }
            throw new SignInException(SignInException.Reason.SERVER_FAILED,
                    "The server failed (" + e.status() + ").", null, e);
        } catch (ApiUnreachableException e) {
            throw switch (e.kind()) {
                case UNTRUSTED_CERTIFICATE -> new SignInException(SignInException.Reason.UNTRUSTED_CERTIFICATE,
                        "The server's certificate could not be verified.", null, e);
                case TIMED_OUT -> new SignInException(SignInException.Reason.TIMED_OUT,
                        "The server did not answer in time.", null, e);
                case NO_CONNECTION -> new SignInException(SignInException.Reason.UNREACHABLE,
                        "The server cannot be reached.", null, e);
            };
        } catch (ApiProtocolException e) {
            throw new SignInException(SignInException.Reason.SERVER_FAILED,
                    "The server's answer could not be read.", null, e);
        }
        KnownAccount previous = knownAccounts.find(server, tokens.account().id()).orElse(null);
        KnownAccount account = new KnownAccount(tokens.account().id(), tokens.account().email(),
                tokens.account().displayName(), server, previous == null ? null : previous.lastSyncedAt());
        knownAccounts.put(account);
        SessionTokens session = new SessionTokens(api, credentials, account.credentialKey(), clock);
        session.accept(tokens);
        LOG.info("Signed in to {} as account {}", server, account.accountId());
        return open(account, session);
    }

    /**
     * One WARN line saying why a sign-in failed, for the learner's IT person: the reason and
     * the underlying cause's class and message (a TLS handshake's "PKIX path building failed",
     * a timeout, a refused connection, the status and code answered). Exception messages of
     * the API client name the endpoint, status and code only; the password, tokens and the
     * request body are never in them, nor in this line.
     */
    private static void logFailure(ServerRef server, SignInException e) {
        Throwable cause = e.getCause();
        if (cause instanceof ApiUnreachableException && cause.getCause() != null) {
            // The I/O failure itself (javax.net.ssl.SSLHandshakeException, ConnectException, ...);
            // the client's own words where it has none.
            Throwable io = cause.getCause();
            LOG.warn("Sign-in to {} failed ({}): cause {}: {}", server, e.reason(), io.getClass().getName(),
                    io.getMessage() == null ? cause.getMessage() : io.getMessage());
        } else if (cause != null) {
            LOG.warn("Sign-in to {} failed ({}): cause {}: {}", server, e.reason(), cause.getClass().getName(),
                    cause.getMessage());
        } else {
            LOG.warn("Sign-in to {} failed ({}): {}", server, e.reason(), e.getMessage());
        }
    }

    /**
     * Opens an account from its local copy at once; it syncs when the server can be reached
     * and the saved session is still valid (otherwise the sync status says "signed out": with
     * no saved sign-in because the learner signed out, or because the session ended).
     */
    public AccountSession open(KnownAccount account) {
        BillingApiClient api = connect(account.server());
        return open(account, new SessionTokens(api, credentials, account.credentialKey(), clock));
    }

    /**
     * Opens an account the learner did not sign out of (the one open when CourseDesk last
     * closed), as {@link #open} does; its saved sign-in missing means the session ended
     * (refused at the last run, or gone from the credential store), not that the learner
     * signed out.
     */
    public AccountSession reopen(KnownAccount account) {
        BillingApiClient api = connect(account.server());
        return open(account, new SessionTokens(api, credentials, account.credentialKey(), clock, true));
    }

    private AccountSession open(KnownAccount account, SessionTokens tokens) {
        OpenResult opened = storeOpener.openForAccount(accountsDir, account.accountId());
        if (opened.recovered()) {
            LOG.warn("The local copy of {} was damaged ({}); kept at {}, rebuilding from the server",
                    account.accountId(), opened.damage(), opened.movedAsideTo());
        }
        SyncEngine[] engine = new SyncEngine[1];
        ActionService actions = new ActionService(opened.store(), tokens, clock, idempotencyKeys,
                () -> engine[0].syncSoon());
        engine[0] = new SyncEngine(opened.store(), tokens, actions, clock, syncPageLimit);
        engine[0].addListener(status -> {
            if (status instanceof SyncStatus.Idle idle && idle.lastSyncedAt() != null) {
                knownAccounts.put(account.withLastSyncedAt(idle.lastSyncedAt()));
            }
        });
        return new AccountSession(account, opened, tokens, actions, engine[0]);
    }

    /** Revokes the session on the server when it can, and forgets the tokens here. */
    public void signOut(AccountSession session) {
        boolean revoked = session.tokens().signOut();
        LOG.info("Signed out of {} ({})", session.account().accountId(),
                revoked ? "session revoked" : "offline: forgotten locally only");
        session.close();
    }

    /** Removes an account's local copy and its saved session from this computer. */
    public void forget(KnownAccount account) throws IOException {
        credentials.delete(account.credentialKey());
        knownAccounts.remove(account.server(), account.accountId());
        Path dir = AccountStorePaths.storeFile(accountsDir, account.accountId()).getParent();
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /**
     * Whether a refused sign-in came from something other than the billing API at that address.
     * A billing server's base address always has {@code POST /v1/auth/login}: 404, 405 or 501
     * there (whatever the body) mean a wrong address, such as a web site or the provider's
     * server with a path too many ({@code https://billing.example.com/api}). And the contract's
     * every error carries a problem {@code code}: any other 4xx without one is not the API
     * either. 429 and 503 without a code are still a busy server (a proxy may answer them).
     */
    private static boolean isNotTheBillingApi(ApiException e) {
        int status = e.status();
        return status == 404 || status == 405 || status == 501
                || (e.rawCode() == null && status >= 400 && status < 500 && status != 429);
    }

    private BillingApiClient connect(ServerRef server) {
        try {
            return connector.connect(server);
        } catch (IllegalArgumentException e) {
            throw new SignInException(SignInException.Reason.INVALID_INPUT, e.getMessage(), null, e);
        } catch (java.io.UncheckedIOException e) {
            // The built-in demo server could not start: as good as unreachable.
            throw new SignInException(SignInException.Reason.UNREACHABLE, e.getMessage(), null, e);
        }
    }
}
