package com.coursedesk.platform.credentials;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;

import java.util.Optional;

/**
 * The operating system's credential store (Windows Credential Manager, macOS Keychain, Linux
 * Secret Service) through java-keyring.
 */
public final class OsCredentialStore implements CredentialStore {

    static final String SERVICE = "CourseDesk";

    private final Keyring keyring;

    private OsCredentialStore(Keyring keyring) {
        this.keyring = keyring;
    }

    /**
     * Opens the OS store and proves it works with a write, read and delete, because on a
     * headless Linux box java-keyring may create a backend that then fails on first use.
     */
    public static Optional<OsCredentialStore> open() {
        try {
            Keyring keyring = Keyring.create();
            String probeAccount = "coursedesk-probe";
            keyring.setPassword(SERVICE, probeAccount, "probe");
            boolean readBack = "probe".equals(keyring.getPassword(SERVICE, probeAccount));
            keyring.deletePassword(SERVICE, probeAccount);
            return readBack ? Optional.of(new OsCredentialStore(keyring)) : Optional.empty();
        } catch (BackendNotSupportedException | PasswordAccessException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> read(String accountId) {
        try {
            return Optional.ofNullable(keyring.getPassword(SERVICE, accountId));
        } catch (PasswordAccessException e) {
            // java-keyring reports "no such entry" as an access failure.
            return Optional.empty();
        }
    }

    @Override
    public void write(String accountId, String secret) {
        try {
            keyring.setPassword(SERVICE, accountId, secret);
        } catch (PasswordAccessException e) {
            throw new CredentialStoreException("The system credential store refused to save the sign-in", e);
        }
    }

    @Override
    public void delete(String accountId) {
        try {
            keyring.deletePassword(SERVICE, accountId);
        } catch (PasswordAccessException e) {
            // Nothing stored: nothing to delete.
        }
    }

    @Override
    public String description() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win")) {
            return "Windows Credential Manager";
        }
        if (os.contains("mac")) {
            return "macOS Keychain";
        }
        return "Secret Service";
    }

    @Override
    public boolean isOperatingSystemStore() {
        return true;
    }
}
