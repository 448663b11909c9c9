package com.coursedesk.data.db;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalStoreTest {

    @TempDir
    Path dir;

    private LocalStore store;

    @BeforeEach
    void open() {
        store = LocalStore.open(dir.resolve("store.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void migrationsAreAppliedBeforeTheStoreIsReturned() {
        List<String> applied = query(
                "SELECT version || ':' || description FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL ORDER BY installed_rank");
        assertThat(applied).containsExactly("1:initial", "2:bulk load");
        List<String> tables = query(
                "SELECT name FROM sqlite_master WHERE type IN ('table') AND name NOT LIKE 'sqlite_%' "
                        + "AND name NOT LIKE 'purchase_search_%' ORDER BY name");
        assertThat(tables).contains("actions", "full_pass_seen", "purchase_search", "purchases", "store_info",
                "subscriptions", "sync_state");
    }

    @Test
    void reopeningDoesNotMigrateAgainAndKeepsData() {
        store.write(c -> update(c, "UPDATE sync_state SET cursor = 'c1'"));
        store.close();
        store = LocalStore.open(dir.resolve("store.db"));
        assertThat(query("SELECT cursor FROM sync_state")).containsExactly("c1");
        assertThat(query("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '1'"))
                .containsExactly("1");
    }

    @Test
    void pragmasAreSetOnTheWriterAndTheReaders() {
        List<String> onWriter = store.write(LocalStoreTest::pragmas);
        List<String> onReader = store.read(LocalStoreTest::pragmas);
        // journal_mode, foreign_keys, busy_timeout, synchronous (1 = NORMAL)
        assertThat(onWriter).containsExactly("wal", "1", "5000", "1");
        assertThat(onReader).containsExactly("wal", "1", "5000", "1");
    }

    private static List<String> pragmas(Connection c) throws SQLException {
        List<String> values = new ArrayList<>();
        for (String pragma : List.of("journal_mode", "foreign_keys", "busy_timeout", "synchronous")) {
            values.addAll(strings(c, "PRAGMA " + pragma));
        }
        return values;
    }

    @Test
    void foreignKeysAreEnforced() {
        assertThatThrownBy(() -> store.write(c -> update(c, "INSERT INTO subscriptions (id, product_id, product_title, "
                + "product_type, product_partner, plan_id, plan_interval, plan_price_minor, plan_price_currency, channel, "
                + "status, started_at, current_period_start, current_period_end, cancel_at_period_end, updated_at, "
                + "version, pending_action_id) VALUES ('s', 'p', 't', 'plus', 'x', 'pl', 'month', 1, 'USD', 'web', "
                + "'active', 0, 0, 0, 0, 0, 1, 999)")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("FOREIGN KEY");
    }

    @Test
    void writeRunsOnTheNamedDaemonWriterThreadAndReturnsTheResult() {
        Thread writer = store.write(c -> Thread.currentThread());
        assertThat(writer.getName()).isEqualTo(LocalStore.WRITER_THREAD_NAME);
        assertThat(writer.isDaemon()).isTrue();
        int updated = store.write(c -> update(c, "UPDATE sync_state SET cursor = 'x'"));
        assertThat(updated).isEqualTo(1);
    }

    @Test
    void aWriteThatThrowsLeavesNothingWritten() {
        assertThatThrownBy(() -> store.write(c -> {
            update(c, "UPDATE sync_state SET cursor = 'half'");
            update(c, "INSERT INTO full_pass_seen (record_type, id) VALUES ('purchase', 'p1')");
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(query("SELECT cursor FROM sync_state")).containsExactly((String) null);
        assertThat(query("SELECT COUNT(*) FROM full_pass_seen")).containsExactly("0");
        // The writer is usable afterwards.
        store.write(c -> update(c, "UPDATE sync_state SET cursor = 'after'"));
        assertThat(query("SELECT cursor FROM sync_state")).containsExactly("after");
    }

    @Test
    void aSqlErrorIsWrappedAndRolledBack() {
        assertThatThrownBy(() -> store.write(c -> {
            update(c, "UPDATE sync_state SET cursor = 'half'");
            return update(c, "INSERT INTO no_such_table VALUES (1)");
        })).isInstanceOf(StoreException.class).hasCauseInstanceOf(SQLException.class);
        assertThat(query("SELECT cursor FROM sync_state")).containsExactly((String) null);
    }

    @Test
    void eightThreadsWritingAtOnceAllLand() throws Exception {
        int threads = 8;
        int writesPerThread = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier start = new CyclicBarrier(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < writesPerThread; i++) {
                        String id = thread + "-" + i;
                        store.write(c -> {
                            try (PreparedStatement s = c.prepareStatement(
                                    "INSERT INTO full_pass_seen (record_type, id) VALUES ('purchase', ?)")) {
                                s.setString(1, id);
                                return s.executeUpdate();
                            }
                        });
                        // Reads interleave with the writes without any busy error either.
                        store.read(c -> strings(c, "SELECT COUNT(*) FROM full_pass_seen"));
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(query("SELECT COUNT(*) FROM full_pass_seen"))
                .containsExactly(String.valueOf(threads * writesPerThread));
    }

    @Test
    void readsSeeOnlyCommittedData() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> write = background.submit(() -> store.write(c -> {
                int n = update(c, "UPDATE sync_state SET cursor = 'uncommitted'");
                written.countDown();
                await(release);
                return n;
            }));
            assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(query("SELECT cursor FROM sync_state")).containsExactly((String) null);
            release.countDown();
            assertThat(write.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(query("SELECT cursor FROM sync_state")).containsExactly("uncommitted");
        } finally {
            background.shutdownNow();
        }
    }

    @Test
    void theReadPathCannotWrite() {
        assertThatThrownBy(() -> store.read(c -> update(c, "UPDATE sync_state SET cursor = 'sneaky'")))
                .isInstanceOf(StoreException.class);
        assertThat(query("SELECT cursor FROM sync_state")).containsExactly((String) null);
    }

    @Test
    void aNestedWriteIsRefusedInsteadOfDeadlocking() {
        assertThatThrownBy(() -> store.write(c -> store.write(inner -> 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside a write");
    }

    @Test
    void writesAreRefusedOnTheJavaFxThread() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread fx = new Thread(() -> {
            try {
                store.write(c -> 1);
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "JavaFX Application Thread");
        fx.start();
        fx.join(10_000);
        assertThat(thrown.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("JavaFX");
    }

    @Test
    void closeDrainsQueuedWritesAndThenRefusesMore() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = callers.submit(() -> store.write(c -> {
                firstRunning.countDown();
                await(release);
                return update(c, "INSERT INTO full_pass_seen (record_type, id) VALUES ('purchase', 'first')");
            }));
            assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Integer> second = callers.submit(() -> store.write(
                    c -> update(c, "INSERT INTO full_pass_seen (record_type, id) VALUES ('purchase', 'second')")));
            // Give the second write time to be queued behind the first.
            Thread.sleep(200);
            Thread closer = new Thread(store::close);
            closer.start();
            release.countDown();
            closer.join(20_000);
            assertThat(closer.isAlive()).isFalse();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        } finally {
            callers.shutdownNow();
        }
        assertThat(store.isClosed()).isTrue();
        assertThatThrownBy(() -> store.write(c -> 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> store.read(c -> 1)).isInstanceOf(IllegalStateException.class);

        store = LocalStore.open(dir.resolve("store.db"));
        assertThat(query("SELECT id FROM full_pass_seen ORDER BY id"))
                .containsExactly("first", "second");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<String> query(String sql) {
        return store.read(c -> strings(c, sql));
    }

    static int update(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    static List<String> strings(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
