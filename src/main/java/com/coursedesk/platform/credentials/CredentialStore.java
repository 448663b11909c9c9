package com.coursedesk.platform.credentials;

import java.util.Optional;

/**
 * Where a signed-in account's refresh token is kept between runs. Keyed by account id, so one
 * account never reads another's token. The password is never given to a credential store.
 */
public interface CredentialStore {

    Optional<String> read(String accountId);

    void write(String accountId, String secret);

    void delete(String accountId);

    /** Which store this is, in words for logs and {@code status} ("Secret Service", "file ..."). */
    String description();

    /** True when this is the operating system's credential store, false for a fallback. */
    boolean isOperatingSystemStore();
}
