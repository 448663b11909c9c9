package com.coursedesk.data.db;

import java.time.Instant;

/**
 * Where sync stands. Nullable fields are null until first set.
 *
 * @param cursor                the cursor of the last applied page; null before the first
 *                              page of a full pass
 * @param lastFullSyncStartedAt when the last full pass (sync without a cursor) began
 * @param lastSuccessServerTime the server's time at the end of the last complete sync
 * @param lastSuccessAt         the local time of the last complete sync ("last synced ...")
 * @param fullPassInProgress    a full pass began and has not finished; records it has
 *                              returned are being collected to remove the rest at its end
 */
public record SyncState(String cursor, Instant lastFullSyncStartedAt, Instant lastSuccessServerTime,
                        Instant lastSuccessAt, boolean fullPassInProgress) {
}
