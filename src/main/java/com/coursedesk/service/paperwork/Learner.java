package com.coursedesk.service.paperwork;

import com.coursedesk.domain.KnownAccount;

import java.util.Objects;

/**
 * Whom a document is for and who issued what it records.
 *
 * @param provider the billing server as the learner knows it: the demo's name, or the host of
 *                 the provider's address
 */
public record Learner(String accountId, String name, String email, String provider) {

    public Learner {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(provider, "provider");
    }

    /** The learner of {@code account}, with the provider named in {@code messages}' language. */
    public static Learner of(KnownAccount account, PaperworkTexts messages) {
        String provider;
        if (account.server().isDemo()) {
            provider = messages.get("paperwork.provider.demo");
        } else {
            String host = account.server().uri().getHost();
            provider = host == null ? account.server().value() : host;
        }
        return new Learner(account.accountId(), account.displayName(), account.email(), provider);
    }
}
