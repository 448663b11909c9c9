package com.coursedesk.ui.account;

import com.coursedesk.data.db.ActionKind;
import com.coursedesk.data.db.ActionRecord;
import com.coursedesk.data.db.ActionState;
import com.coursedesk.domain.Account;
import com.coursedesk.domain.KnownAccount;
import com.coursedesk.domain.ServerRef;
import com.coursedesk.service.account.AccountOverview;
import com.coursedesk.service.account.ActionEntry;
import com.coursedesk.service.account.CredentialInfo;
import com.coursedesk.service.account.ProfileLookup;
import com.coursedesk.service.account.StorageInfo;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** An {@link AccountOverview} on plain test data, with call counters; public for FxmlLoadTest. */
public final class FakeAccountOverview implements AccountOverview {

    public static final KnownAccount ADA = new KnownAccount("acc_ada", "ada@example.com", "Ada Lovelace",
            ServerRef.DEMO, Instant.parse("2026-05-03T12:00:00Z"));
    public static final Account ADA_ONLINE = new Account("acc_ada", "ada@example.com", "Ada King", "GB",
            Currency.getInstance("GBP"), Locale.forLanguageTag("en-GB"), Instant.parse("2024-01-01T00:00:00Z"));

    public volatile KnownAccount known = ADA;
    public volatile ProfileLookup.Offline offline;
    public volatile Account online = ADA_ONLINE;
    public volatile RuntimeException profileFailure;
    public volatile RuntimeException localFailure;
    public volatile StorageInfo storage = new StorageInfo(Path.of("/home/ada/.local/share/coursedesk/accounts/acc_ada/store.db"),
            3 * 1024 * 1024 + 512 * 1024, Instant.parse("2026-05-03T13:05:00Z"), false, null);
    public volatile CredentialInfo credentials = new CredentialInfo("Secret Service", true);
    public final List<ActionEntry> history = new ArrayList<>();
    public final AtomicInteger profileCalls = new AtomicInteger();
    public final AtomicInteger historyCalls = new AtomicInteger();

    @Override
    public KnownAccount known() {
        return known;
    }

    @Override
    public ProfileLookup profile() {
        profileCalls.incrementAndGet();
        if (profileFailure != null) {
            throw profileFailure;
        }
        return offline != null ? ProfileLookup.offline(known, offline) : ProfileLookup.online(known, online);
    }

    @Override
    public StorageInfo storage() {
        if (localFailure != null) {
            throw localFailure;
        }
        return storage;
    }

    @Override
    public CredentialInfo credentials() {
        return credentials;
    }

    @Override
    public List<ActionEntry> history() {
        historyCalls.incrementAndGet();
        return List.copyOf(history);
    }

    /** An action row as the store would hold it. */
    public static ActionRecord action(long id, ActionKind kind, String targetId, String key, ActionState state,
                                      Instant createdAt, int attempts, Integer status, String code, String detail,
                                      Instant serverTime) {
        return new ActionRecord(id, kind, kind.target(), targetId, key, "{}", state, createdAt,
                attempts > 0 ? createdAt : null, state.isOpen() ? null : serverTime, attempts,
                attempts > 0 && state.isOpen() ? "ApiUnreachableException" : null, status, code, detail,
                state == ActionState.CONFIRMED ? "{\"title\":\"x\"}" : null, serverTime);
    }
}
