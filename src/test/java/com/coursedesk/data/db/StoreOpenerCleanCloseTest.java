package com.coursedesk.data.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static com.coursedesk.data.db.StoreTestData.T0;
import static com.coursedesk.data.db.StoreTestData.purchase;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check of a store file is skipped only when its last session closed it cleanly and
 * nothing changed it since; anything else (a crash, another writer, a copy) is checked.
 */
class StoreOpenerCleanCloseTest {

    @TempDir
    Path dir;

    private final StoreOpener opener = new StoreOpener(Clock.fixed(T0, ZoneOffset.UTC));

    private static long count(LocalStore store) {
        return store.read(new PurchaseDao()::count);
    }

    private Path storeWithPurchases(int count) {
        Path file = dir.resolve("store.db");
        try (LocalStore store = opener.open(file).store()) {
            List<com.coursedesk.domain.Purchase> many = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                many.add(purchase("pur_" + i).title("Course " + i).build());
            }
            store.write(c -> {
                new PurchaseDao().upsertAll(c, many);
                return null;
            });
        }
        return file;
    }

    @Test
    void aCleanCloseLeavesAMarkThatTheNextOpenConsumes() {
        Path file = storeWithPurchases(10);
        assertThat(LocalStore.cleanCloseMark(file)).exists();

        try (LocalStore store = opener.open(file).store()) {
            assertThat(LocalStore.cleanCloseMark(file)).as("consumed before the file is used").doesNotExist();
            assertThat(count(store)).isEqualTo(10);
        }
        assertThat(LocalStore.cleanCloseMark(file)).exists();
    }

    @Test
    void aSessionThatNeverClosedLeavesNoMarkSoTheNextStartChecks() {
        Path file = storeWithPurchases(10);
        LocalStore crashed = opener.open(file).store();
        try {
            assertThat(StoreOpener.closedCleanly(file)).isFalse();
        } finally {
            crashed.close();
        }
    }

    @Test
    void aMarkIsTrustedOnlyWhileTheFileIsUnchanged() throws IOException {
        Path file = storeWithPurchases(10);
        assertThat(StoreOpener.closedCleanly(file)).isTrue();
        assertThat(StoreOpener.closedCleanly(file)).as("used once").isFalse();

        Path again = storeWithPurchases(0);
        Files.writeString(again.resolveSibling("store.db-wal"), "left behind");
        assertThat(StoreOpener.closedCleanly(again)).as("a log beside it").isFalse();
        Files.delete(again.resolveSibling("store.db-wal"));

        LocalStore.open(again).close();
        Files.setLastModifiedTime(again, FileTime.from(T0));
        assertThat(StoreOpener.closedCleanly(again)).as("written after the mark").isFalse();
    }

    @Test
    void damageAfterACleanCloseIsStillCaughtAndMovedAside() throws IOException {
        Path file = storeWithPurchases(3000);
        assertThat(LocalStore.cleanCloseMark(file)).exists();
        long size = Files.size(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek((size / 2 / 4096) * 4096);
            raf.write(new byte[4096 * 4]);
        }

        OpenResult result = opener.open(file);
        try (LocalStore store = result.store()) {
            assertThat(result.recovered()).isTrue();
            assertThat(result.damage()).contains("integrity_check failed");
            assertThat(count(store)).isZero();
        }
    }

    @Test
    void aCopyOfACleanlyClosedStoreIsChecked() throws IOException {
        Path file = storeWithPurchases(10);
        Path copy = dir.resolve("copy").resolve("store.db");
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(LocalStore.cleanCloseMark(file), LocalStore.cleanCloseMark(copy));

        assertThat(StoreOpener.closedCleanly(copy)).isFalse();
    }
}
