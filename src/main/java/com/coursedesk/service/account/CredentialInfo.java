package com.coursedesk.service.account;

import java.util.Objects;

/**
 * Where the account's sign-in (its refresh token, never the password) is kept.
 *
 * @param description     the store in words, e.g. "macOS Keychain"
 * @param operatingSystem true for the system's credential store, false for the fallback
 */
public record CredentialInfo(String description, boolean operatingSystem) {

    public CredentialInfo {
        Objects.requireNonNull(description, "description");
    }
}
