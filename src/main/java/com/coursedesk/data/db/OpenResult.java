package com.coursedesk.data.db;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link StoreOpener} opened.
 *
 * @param store        the open, migrated store; the caller closes it
 * @param recovered    true when the old file was unusable and a fresh, empty store was made:
 *                     tell the learner, and run a full sync
 * @param movedAsideTo where the unusable file was moved (never deleted), or null
 * @param damage       why the old file was unusable (for the log and a details pane), or null
 */
public record OpenResult(LocalStore store, boolean recovered, Path movedAsideTo, String damage) {

    public OpenResult {
        Objects.requireNonNull(store, "store");
        if (recovered != (movedAsideTo != null)) {
            throw new IllegalArgumentException("movedAsideTo is set exactly when recovered");
        }
    }

    static OpenResult healthy(LocalStore store) {
        return new OpenResult(store, false, null, null);
    }
}
