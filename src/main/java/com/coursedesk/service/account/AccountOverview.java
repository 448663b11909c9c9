package com.coursedesk.service.account;

import com.coursedesk.domain.KnownAccount;

import java.util.List;

/**
 * What the Account page shows about one open account: its profile, where its data lives, where
 * its sign-in is kept and every action asked for. {@link AccountOverviewService} reads it from
 * the account's session; the page's view-model takes this interface so it is tested on plain
 * data. Every method but {@link #known()} may touch the disk or the network: call them off the
 * UI thread.
 */
public interface AccountOverview {

    /** The account as this computer knows it (held in memory; cheap). */
    KnownAccount known();

    /** The profile from the provider ({@code GET /v1/me}), or why only the local one is known. */
    ProfileLookup profile();

    /** The local copy: its file, its size and when it last synced. */
    StorageInfo storage();

    /** Where the refresh token is kept. */
    CredentialInfo credentials();

    /** Every action asked for on this computer, newest first, with the title of its record. */
    List<ActionEntry> history();
}
