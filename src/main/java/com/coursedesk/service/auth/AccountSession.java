package com.coursedesk.service.auth;

import com.coursedesk.data.db.LocalStore;
import com.coursedesk.data.db.OpenResult;
import com.coursedesk.domain.KnownAccount;
import com.coursedesk.service.actions.ActionService;
import com.coursedesk.service.sync.SyncEngine;

/**
 * One open account: its local store, its tokens, its outbox and its sync engine. Everything
 * the screens and the command line show for an account comes through here, so one account's
 * data is never read through another's session.
 */
public final class AccountSession implements AutoCloseable {

    private final KnownAccount account;
    private final OpenResult opened;
    private final SessionTokens tokens;
    private final ActionService actions;
    private final SyncEngine sync;

    AccountSession(KnownAccount account, OpenResult opened, SessionTokens tokens, ActionService actions,
                   SyncEngine sync) {
        this.account = account;
        this.opened = opened;
        this.tokens = tokens;
        this.actions = actions;
        this.sync = sync;
    }

    public KnownAccount account() {
        return account;
    }

    public LocalStore store() {
        return opened.store();
    }

    /** True when the local copy was damaged, moved aside and is being rebuilt by a full sync. */
    public boolean storeWasRecovered() {
        return opened.recovered();
    }

    public OpenResult openResult() {
        return opened;
    }

    public SessionTokens tokens() {
        return tokens;
    }

    public ActionService actions() {
        return actions;
    }

    public SyncEngine sync() {
        return sync;
    }

    /** Stops syncing (cancelling a running pass cleanly) and closes the store. */
    @Override
    public void close() {
        sync.close();
        opened.store().close();
    }
}
