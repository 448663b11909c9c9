package com.coursedesk.data.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static com.coursedesk.data.db.StoreTestData.T0;
import static com.coursedesk.data.db.StoreTestData.purchase;
import static org.assertj.core.api.Assertions.assertThat;

class StoreOpenerTest {

    @TempDir
    Path dir;

    private final StoreOpener opener = new StoreOpener(Clock.fixed(T0, ZoneOffset.UTC));
    private final PurchaseDao purchases = new PurchaseDao();

    private static long count(LocalStore store) {
        return store.read(new PurchaseDao()::count);
    }

    @Test
    void aMissingFileBecomesAFreshStore() {
        Path file = dir.resolve("accounts/x/store.db");
        OpenResult result = opener.open(file);
        try (LocalStore store = result.store()) {
            assertThat(result.recovered()).isFalse();
            assertThat(result.movedAsideTo()).isNull();
            assertThat(Files.exists(file)).isTrue();
            assertThat(count(store)).isZero();
        }
    }

    @Test
    void aHealthyFileIsOpenedWithItsData() {
        Path file = dir.resolve("store.db");
        try (LocalStore store = opener.open(file).store()) {
            store.write(c -> {
                purchases.upsertAll(c, List.of(purchase("p1").build()));
                return null;
            });
        }
        OpenResult again = opener.open(file);
        try (LocalStore store = again.store()) {
            assertThat(again.recovered()).isFalse();
            assertThat(count(store)).isEqualTo(1);
        }
    }

    @Test
    void aStoreLeftBehindByACrashIsNotMistakenForDamage() throws IOException {
        Path live = dir.resolve("live/store.db");
        try (LocalStore store = opener.open(live).store()) {
            store.write(c -> {
                purchases.upsertAll(c, List.of(purchase("p1").build()));
                return null;
            });
            // Copies taken while the store is open are what a crash leaves: the commit is
            // only in the -wal file.
            for (String variant : List.of("with-shm", "without-shm")) {
                Path copy = dir.resolve(variant);
                Files.createDirectories(copy);
                Files.copy(live, copy.resolve("store.db"));
                Files.copy(dir.resolve("live/store.db-wal"), copy.resolve("store.db-wal"));
                if (variant.equals("with-shm")) {
                    Files.copy(dir.resolve("live/store.db-shm"), copy.resolve("store.db-shm"));
                }
            }
        }
        for (String variant : List.of("with-shm", "without-shm")) {
            OpenResult result = opener.open(dir.resolve(variant).resolve("store.db"));
            try (LocalStore store = result.store()) {
                assertThat(result.recovered()).as(variant).isFalse();
                assertThat(count(store)).as(variant).isEqualTo(1);
            }
        }
    }

    @Test
    void garbageIsMovedAsideWithItsCompanionsAndAFreshStoreIsBuilt() throws IOException {
        Path file = dir.resolve("store.db");
        byte[] garbage = new byte[20_000];
        new Random(42).nextBytes(garbage);
        Files.write(file, garbage);
        Files.writeString(dir.resolve("store.db-wal"), "not a wal");
        Files.writeString(dir.resolve("store.db-shm"), "not a shm");

        OpenResult result = opener.open(file);
        try (LocalStore store = result.store()) {
            Path expected = dir.resolve("store.db.damaged-20260310T093000Z");
            assertThat(result.recovered()).isTrue();
            assertThat(result.movedAsideTo()).isEqualTo(expected);
            assertThat(result.damage()).isNotBlank();
            assertThat(Files.readAllBytes(expected)).isEqualTo(garbage);
            assertThat(dir.resolve("store.db.damaged-20260310T093000Z-wal")).hasContent("not a wal");
            // The -shm is only SQLite's shared-memory index (rebuilt from the WAL), so the
            // read-only check may rewrite it; it must move along all the same.
            assertThat(dir.resolve("store.db.damaged-20260310T093000Z-shm")).exists();

            store.write(c -> {
                purchases.upsertAll(c, List.of(purchase("p1").build()));
                return null;
            });
            assertThat(count(store)).isEqualTo(1);
        }
    }

    @Test
    void aSecondRecoveryInTheSameSecondDoesNotOverwriteTheFirst() throws IOException {
        Path file = dir.resolve("store.db");
        Files.writeString(file, "first garbage ".repeat(100));
        opener.open(file).store().close();
        Files.writeString(file, "second garbage ".repeat(100));
        OpenResult second = opener.open(file);
        second.store().close();

        assertThat(second.movedAsideTo()).isEqualTo(dir.resolve("store.db.damaged-20260310T093000Z-2"));
        assertThat(dir.resolve("store.db.damaged-20260310T093000Z")).content(StandardCharsets.UTF_8)
                .startsWith("first garbage");
        assertThat(second.movedAsideTo()).content(StandardCharsets.UTF_8).startsWith("second garbage");
    }

    @Test
    void aStoreWithBrokenPagesFailsTheIntegrityCheckAndIsMovedAside() throws IOException {
        Path file = dir.resolve("store.db");
        try (LocalStore store = opener.open(file).store()) {
            List<com.coursedesk.domain.Purchase> many = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                many.add(purchase("pur_" + i).title("Course " + i).build());
            }
            store.write(c -> {
                purchases.upsertAll(c, many);
                return null;
            });
        }
        long size = Files.size(file);
        assertThat(size).isGreaterThan(100_000);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            // Scribble over pages in the middle, well past the header and schema pages.
            byte[] scribble = new byte[4096 * 4];
            new Random(7).nextBytes(scribble);
            raf.seek((size / 2 / 4096) * 4096);
            raf.write(scribble);
        }

        OpenResult result = opener.open(file);
        try (LocalStore store = result.store()) {
            assertThat(result.recovered()).isTrue();
            assertThat(result.damage()).isNotBlank();
            assertThat(Files.size(result.movedAsideTo())).isEqualTo(size);
            assertThat(count(store)).isZero();
        }
    }

    @Test
    void anotherProgramsDatabaseIsMovedAsideNotMigratedInto() throws Exception {
        Path file = dir.resolve("store.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
            s.execute("INSERT INTO notes (body) VALUES ('precious')");
        }
        OpenResult result = opener.open(file);
        result.store().close();
        assertThat(result.recovered()).isTrue();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + result.movedAsideTo());
             Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT body FROM notes")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("precious");
        }
    }

    @Test
    void aStoreIsBoundToItsAccount() throws IOException {
        Path accounts = dir.resolve("accounts");
        OpenResult ada = opener.openForAccount(accounts, "acc_ada");
        try (LocalStore store = ada.store()) {
            assertThat(store.file()).isEqualTo(AccountStorePaths.storeFile(accounts, "acc_ada").toAbsolutePath());
            store.write(c -> {
                purchases.upsertAll(c, List.of(purchase("ada-1").build()));
                return null;
            });
        }
        OpenResult adaAgain = opener.openForAccount(accounts, "acc_ada");
        try (LocalStore store = adaAgain.store()) {
            assertThat(adaAgain.recovered()).isFalse();
            assertThat(count(store)).isEqualTo(1);
        }

        // Ada's file copied to where Bob's store lives must not show Bob Ada's purchases.
        Path bobFile = AccountStorePaths.storeFile(accounts, "acc_bob");
        Files.createDirectories(bobFile.getParent());
        Files.copy(AccountStorePaths.storeFile(accounts, "acc_ada"), bobFile);
        OpenResult bob = opener.openForAccount(accounts, "acc_bob");
        try (LocalStore store = bob.store()) {
            assertThat(bob.recovered()).isTrue();
            assertThat(bob.damage()).contains("another account");
            assertThat(count(store)).isZero();
        }
    }
}
