package com.coursedesk.service.account;

import com.coursedesk.data.api.ApiException;
import com.coursedesk.data.api.ApiProtocolException;
import com.coursedesk.data.api.ApiUnreachableException;
import com.coursedesk.data.db.ActionRecord;
import com.coursedesk.data.db.PurchaseDao;
import com.coursedesk.data.db.RecordType;
import com.coursedesk.data.db.StoredPurchase;
import com.coursedesk.data.db.StoredSubscription;
import com.coursedesk.data.db.SubscriptionDao;
import com.coursedesk.data.db.SyncStateDao;
import com.coursedesk.domain.Account;
import com.coursedesk.domain.KnownAccount;
import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.service.auth.SessionTokens;
import com.coursedesk.service.auth.SignedOutException;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The Account page's facts, read from one account's session: its store, tokens and outbox. */
public final class AccountOverviewService implements AccountOverview {

    private static final Logger LOG = LoggerFactory.getLogger(AccountOverviewService.class);

    private final AccountSession session;
    private final PurchaseDao purchases = new PurchaseDao();
    private final SubscriptionDao subscriptions = new SubscriptionDao();
    private final SyncStateDao syncState = new SyncStateDao();

    public AccountOverviewService(AccountSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public KnownAccount known() {
        return session.account();
    }

    @Override
    public ProfileLookup profile() {
        KnownAccount known = session.account();
        SessionTokens tokens = session.tokens();
        try {
            Account account = tokens.call(token -> tokens.api().me(token));
            return ProfileLookup.online(known, account);
        } catch (ApiUnreachableException e) {
            if (e.kind() == ApiUnreachableException.Kind.UNTRUSTED_CERTIFICATE) {
                // The provider answers: "offline" would send the learner to check a connection that works.
                LOG.warn("Profile not fetched: the server's certificate could not be verified: {}", e.getMessage());
                return ProfileLookup.offline(known, ProfileLookup.Offline.UNTRUSTED_CERTIFICATE);
            }
            LOG.info("Profile not fetched: server unreachable ({})", e.getMessage());
            return ProfileLookup.offline(known, ProfileLookup.Offline.UNREACHABLE);
        } catch (SignedOutException e) {
            LOG.info("Profile not fetched: {}", e.getMessage());
            return ProfileLookup.offline(known, switch (e.reason()) {
                case SIGNED_OUT -> ProfileLookup.Offline.SIGNED_OUT;
                case SESSION_ENDED -> ProfileLookup.Offline.SESSION_ENDED;
            });
        } catch (ApiException | ApiProtocolException e) {
            LOG.warn("Profile not fetched: {}", e.getMessage());
            return ProfileLookup.offline(known, ProfileLookup.Offline.SERVER_FAILED);
        }
    }

    @Override
    public StorageInfo storage() {
        Path file = session.store().file();
        return new StorageInfo(file, sizeOnDisk(file),
                session.store().read(syncState::get).lastSuccessServerTime(),
                session.storeWasRecovered(), session.openResult().movedAsideTo());
    }

    /** The database and its write-ahead log: in WAL mode recent writes live in the log. */
    private static long sizeOnDisk(Path file) {
        try {
            long size = Files.size(file);
            Path wal = file.resolveSibling(file.getFileName() + "-wal");
            if (Files.exists(wal)) {
                size += Files.size(wal);
            }
            return size;
        } catch (IOException e) {
            LOG.warn("Cannot read the size of {}: {}", file, e.getMessage());
            return -1;
        }
    }

    @Override
    public CredentialInfo credentials() {
        SessionTokens tokens = session.tokens();
        return new CredentialInfo(tokens.credentialStoreDescription(), tokens.credentialStoreIsOperatingSystem());
    }

    @Override
    public List<ActionEntry> history() {
        List<ActionRecord> actions = session.actions().history();
        Map<String, String> titles = session.store().read(c -> {
            Map<String, String> found = new HashMap<>();
            for (ActionRecord a : actions) {
                String key = a.targetType().wireName() + "|" + a.targetId();
                if (found.containsKey(key)) {
                    continue;
                }
                String title = a.targetType() == RecordType.PURCHASE
                        ? purchases.findById(c, a.targetId()).map(StoredPurchase::purchase)
                                .map(p -> p.product().title()).orElse(null)
                        : subscriptions.findById(c, a.targetId()).map(StoredSubscription::subscription)
                                .map(s -> s.product().title()).orElse(null);
                found.put(key, title);
            }
            return found;
        });
        List<ActionEntry> entries = new ArrayList<>(actions.size());
        for (ActionRecord a : actions) {
            String title = titles.get(a.targetType().wireName() + "|" + a.targetId());
            entries.add(new ActionEntry(a, title != null ? title : titleInAnswer(a.resultJson())));
        }
        return entries;
    }

    /**
     * A record the provider has since deleted is gone from the local copy, but a confirmed
     * action kept the provider's answer, which names it.
     */
    static String titleInAnswer(String resultJson) {
        if (resultJson == null || resultJson.isBlank()) {
            return null;
        }
        try {
            JsonElement parsed = JsonParser.parseString(resultJson);
            if (parsed.isJsonObject()) {
                JsonObject object = parsed.getAsJsonObject();
                JsonElement title = object.get("title");
                if (title != null && title.isJsonPrimitive()) {
                    return title.getAsString();
                }
            }
        } catch (JsonParseException | IllegalStateException e) {
            LOG.debug("Unreadable stored answer: {}", e.getMessage());
        }
        return null;
    }
}
