package com.coursedesk.service.account;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * Where an account's local copy lives.
 *
 * @param storeFile          the SQLite file
 * @param sizeBytes          its size on disk with its write-ahead log, or -1 if unreadable
 * @param lastSyncServerTime the server's time at the end of the last complete sync, or null
 * @param recovered          the copy was damaged when opened and is rebuilt from the provider
 * @param movedAsideTo       where the damaged file was kept, or null
 */
public record StorageInfo(Path storeFile, long sizeBytes, Instant lastSyncServerTime, boolean recovered,
                          Path movedAsideTo) {

    public StorageInfo {
        Objects.requireNonNull(storeFile, "storeFile");
    }
}
