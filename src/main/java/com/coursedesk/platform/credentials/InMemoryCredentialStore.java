package com.coursedesk.platform.credentials;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps secrets for the life of the process only: tests, and the `--no-remember` choice. */
public final class InMemoryCredentialStore implements CredentialStore {

    private final Map<String, String> secrets = new ConcurrentHashMap<>();

    @Override
    public Optional<String> read(String accountId) {
        return Optional.ofNullable(secrets.get(accountId));
    }

    @Override
    public void write(String accountId, String secret) {
        secrets.put(accountId, secret);
    }

    @Override
    public void delete(String accountId) {
        secrets.remove(accountId);
    }

    @Override
    public String description() {
        return "memory only (forgotten when the app closes)";
    }

    @Override
    public boolean isOperatingSystemStore() {
        return false;
    }
}
