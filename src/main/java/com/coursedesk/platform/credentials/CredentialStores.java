package com.coursedesk.platform.credentials;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/** Picks the best credential store this machine has. */
public final class CredentialStores {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialStores.class);

    private CredentialStores() {
    }

    /** The OS store when it works, else a user-only file under {@code fallbackDirectory}. */
    public static CredentialStore detect(Path fallbackDirectory) {
        return OsCredentialStore.open().<CredentialStore>map(store -> {
            LOG.info("Sign-ins are kept in the {}", store.description());
            return store;
        }).orElseGet(() -> {
            CredentialStore file = new UserOnlyFileCredentialStore(fallbackDirectory);
            LOG.warn("No system credential store answered; sign-ins are kept in a {}", file.description());
            return file;
        });
    }
}
