package com.coursedesk.data.db;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static com.coursedesk.data.db.LocalStoreTest.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Opening runs Flyway only when the store's schema is not the one this build ships. */
class LocalStoreMigrationTest {

    @TempDir
    Path dir;

    @Test
    void theListedMigrationsAreExactlyTheShippedFiles() throws IOException, URISyntaxException {
        Path folder = Path.of(LocalStore.class.getResource("/db/migration").toURI());
        List<String> versions;
        try (Stream<Path> files = Files.list(folder)) {
            versions = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .map(name -> name.substring(1, name.indexOf("__")))
                    .sorted(Comparator.comparingInt(Integer::parseInt)).toList();
        }
        assertThat(LocalStore.MIGRATIONS).as("LocalStore.MIGRATIONS lists every file in db/migration")
                .isEqualTo(versions);
    }

    @Test
    void aNewStoreIsMigratedAndReopeningACurrentOneSkipsFlyway() {
        Path file = dir.resolve("store.db");
        try (LocalStore store = LocalStore.open(file)) {
            assertThat(store.migratedOnOpen()).isTrue();
            store.write(c -> LocalStoreTest.update(c, "UPDATE sync_state SET cursor = 'c1'"));
        }
        try (LocalStore store = LocalStore.open(file)) {
            assertThat(store.migratedOnOpen()).isFalse();
            assertThat(query(store, "SELECT cursor FROM sync_state")).containsExactly("c1");
            assertThat(query(store, "SELECT version FROM flyway_schema_history ORDER BY installed_rank"))
                    .containsExactly("1", "2");
        }
    }

    @Test
    void aPendingMigrationIsAppliedOnOpen() throws SQLException {
        Path file = dir.resolve("store.db");
        String url = LocalStore.jdbcUrl(file.toAbsolutePath());
        Flyway.configure().dataSource(url, "", "").locations("classpath:db/migration").target("1").load().migrate();
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(LocalStore.isCurrent(c)).isFalse();
        }

        try (LocalStore store = LocalStore.open(file)) {
            assertThat(store.migratedOnOpen()).isTrue();
            assertThat(query(store, "SELECT version FROM flyway_schema_history ORDER BY installed_rank"))
                    .containsExactly("1", "2");
            assertThat(query(store, "SELECT bulk_load FROM sync_state")).containsExactly("0");
        }
    }

    @Test
    void aFailedMigrationInTheHistoryGoesToFlywayWhichRefusesTheStore() throws SQLException {
        Path file = dir.resolve("store.db");
        LocalStore.open(file).close();
        String url = LocalStore.jdbcUrl(file.toAbsolutePath());
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE flyway_schema_history SET success = 0 WHERE version = '2'");
            assertThat(LocalStore.isCurrent(c)).isFalse();
        }

        assertThatThrownBy(() -> LocalStore.open(file)).isInstanceOf(StoreException.class);
    }

    @Test
    void anotherProgramsDatabaseIsNotTakenForCurrent() throws SQLException {
        Path file = dir.resolve("store.db");
        String url = LocalStore.jdbcUrl(file.toAbsolutePath());
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
            s.executeUpdate("CREATE TABLE flyway_schema_history_copy (version TEXT)");
            assertThat(LocalStore.isCurrent(c)).isFalse();
        }

        assertThatThrownBy(() -> LocalStore.open(file)).isInstanceOf(StoreException.class);
    }

    private static List<String> query(LocalStore store, String sql) {
        return store.<List<String>>read(c -> strings(c, sql));
    }
}
