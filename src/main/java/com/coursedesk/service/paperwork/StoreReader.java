package com.coursedesk.service.paperwork;

import com.coursedesk.data.db.LocalStore;
import com.coursedesk.data.db.SqlWork;

/**
 * Reads of an account's local copy in one snapshot: the app's {@link LocalStore}, or the
 * command line's read-only connection (which runs beside the app and must never write).
 */
public interface StoreReader {

    <T> T read(SqlWork<T> work);

    static StoreReader of(LocalStore store) {
        return new StoreReader() {
            @Override
            public <T> T read(SqlWork<T> work) {
                return store.read(work);
            }
        };
    }
}
