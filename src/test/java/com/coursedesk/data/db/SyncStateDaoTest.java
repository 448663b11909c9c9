package com.coursedesk.data.db;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static com.coursedesk.data.db.StoreTestData.T0;
import static com.coursedesk.data.db.StoreTestData.purchase;
import static com.coursedesk.data.db.StoreTestData.subscription;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyncStateDaoTest {

    @TempDir
    Path dir;

    private LocalStore store;
    private final SyncStateDao dao = new SyncStateDao();
    private final PurchaseDao purchases = new PurchaseDao();
    private final SubscriptionDao subscriptions = new SubscriptionDao();

    @BeforeEach
    void open() {
        store = LocalStore.open(dir.resolve("store.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private SyncState state() {
        return store.read(dao::get);
    }

    @Test
    void aNewStoreHasNeverSynced() {
        assertThat(state()).isEqualTo(new SyncState(null, null, null, null, false));
    }

    @Test
    void aPageAndItsCursorCommitTogetherOrNotAtAll() {
        store.write(c -> {
            purchases.upsertAll(c, List.of(purchase("p1").build()));
            dao.saveCursor(c, "cursor-1");
            return null;
        });
        assertThatThrownBy(() -> store.write(c -> {
            purchases.upsertAll(c, List.of(purchase("p2").build()));
            dao.saveCursor(c, "cursor-2");
            throw new IllegalStateException("connection dropped mid-page");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(state().cursor()).isEqualTo("cursor-1");
        List<String> ids = store.read(c -> purchases.searchIds(c, PurchaseQuery.all()));
        assertThat(ids).containsExactly("p1");
    }

    @Test
    void aFullPassRemovesWhatTheServerNoLongerReturns() {
        store.write(c -> {
            purchases.upsertAll(c, List.of(purchase("keep").build(), purchase("gone").build()));
            subscriptions.upsertAll(c, List.of(subscription("sub_keep").build(), subscription("sub_gone").build()));
            dao.saveCursor(c, "stale");
            return null;
        });

        store.write(c -> {
            dao.startFullPass(c, T0);
            return null;
        });
        assertThat(state()).isEqualTo(new SyncState(null, T0, null, null, true));

        // Two pages; the first one's ids survive the commit boundary (resumable).
        store.write(c -> {
            purchases.upsertAll(c, List.of(purchase("keep").version(2).build()));
            dao.markSeen(c, RecordType.PURCHASE, List.of("keep"));
            dao.saveCursor(c, "page-1");
            return null;
        });
        store.write(c -> {
            subscriptions.upsertAll(c, List.of(subscription("sub_keep").build(), subscription("sub_new").build()));
            dao.markSeen(c, RecordType.SUBSCRIPTION, List.of("sub_keep", "sub_new"));
            dao.saveCursor(c, "page-2");
            return null;
        });
        List<String> seen = store.read(c -> dao.seenIds(c, RecordType.SUBSCRIPTION));
        assertThat(seen).containsExactly("sub_keep", "sub_new");

        SyncStateDao.FullPassCleanup cleanup = store.write(c -> {
            SyncStateDao.FullPassCleanup result = dao.finishFullPass(c);
            dao.recordSuccess(c, T0.plusSeconds(30), T0.plusSeconds(31));
            return result;
        });

        assertThat(cleanup).isEqualTo(new SyncStateDao.FullPassCleanup(1, 1));
        List<String> purchaseIds = store.read(c -> purchases.searchIds(c, PurchaseQuery.all()));
        assertThat(purchaseIds).containsExactly("keep");
        List<StoredSubscription> subs = store.read(subscriptions::findAll);
        assertThat(subs).extracting(s -> s.subscription().id()).containsExactlyInAnyOrder("sub_keep", "sub_new");
        assertThat(state()).isEqualTo(new SyncState("page-2", T0, T0.plusSeconds(30), T0.plusSeconds(31), false));
        List<String> seenAfter = store.read(c -> dao.seenIds(c, RecordType.PURCHASE));
        assertThat(seenAfter).isEmpty();
    }

    @Test
    void finishingWhenNoFullPassRunsRemovesNothing() {
        store.write(c -> {
            purchases.upsertAll(c, List.of(purchase("p1").build()));
            return null;
        });
        SyncStateDao.FullPassCleanup cleanup = store.write(dao::finishFullPass);
        assertThat(cleanup).isEqualTo(new SyncStateDao.FullPassCleanup(0, 0));
        long count = store.read(purchases::count);
        assertThat(count).isEqualTo(1);
    }
    private List<String> purchaseIndexes() {
        return store.read(c -> {
            List<String> names = new java.util.ArrayList<>();
            try (java.sql.Statement st = c.createStatement();
                 java.sql.ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'index' "
                         + "AND tbl_name = 'purchases' AND sql IS NOT NULL ORDER BY name")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
    }

    private List<String> idsMatching(String text) {
        return store.read(c -> purchases.searchIds(c, PurchaseQuery.all().withText(text)));
    }

    @Test
    void aFullPassIntoAnEmptyStoreIsABulkLoadThatBuildsItsIndexesAtTheEnd() {
        List<String> indexesBefore = purchaseIndexes();
        assertThat(indexesBefore).contains("idx_purchases_purchased_at", "idx_purchases_subscription");

        store.write(c -> {
            dao.startFullPass(c, T0);
            return null;
        });
        assertThat(store.read(SyncStateDao::isBulkLoad)).isTrue();
        assertThat(purchaseIndexes()).as("secondary indexes wait for the end; the partial ones stay")
                .containsExactly("idx_purchases_pending", "idx_purchases_subscription");

        store.write(c -> {
            purchases.upsertAll(c, List.of(purchase("p1").title("Statistics with Python").build(),
                    purchase("p2").title("Deep Learning").build(), purchase("p3").title("Python again").build()));
            purchases.deleteByIds(c, List.of("p3"));
            dao.markSeen(c, RecordType.PURCHASE, List.of("p1", "p2"));
            dao.saveCursor(c, "page-1");
            return null;
        });
        List<String> seen = store.read(c -> dao.seenIds(c, RecordType.PURCHASE));
        assertThat(seen).as("nothing local can be stale").isEmpty();
        assertThat(idsMatching("python")).as("searches work meanwhile, without the index").containsExactly("p1");

        SyncStateDao.FullPassCleanup cleanup = store.write(dao::finishFullPass);

        assertThat(cleanup).isEqualTo(new SyncStateDao.FullPassCleanup(0, 0));
        assertThat(store.read(SyncStateDao::isBulkLoad)).isFalse();
        assertThat(purchaseIndexes()).containsExactlyElementsOf(indexesBefore);
        long count = store.read(purchases::count);
        assertThat(count).isEqualTo(2);
        assertThat(idsMatching("python")).containsExactly("p1");
        assertThat(idsMatching("learn")).containsExactly("p2");
        // The triggers keep the search index current again.
        store.write(c -> {
            purchases.upsertAll(c, List.of(purchase("p4").title("Python for Everybody").build()));
            purchases.upsertAll(c, List.of(purchase("p2").title("Deep Thinking").version(2).build()));
            return null;
        });
        assertThat(idsMatching("python")).containsExactlyInAnyOrder("p1", "p4");
        assertThat(idsMatching("learn")).isEmpty();
    }

    @Test
    void aFullPassOverExistingRecordsIsNoBulkLoad() {
        store.write(c -> {
            purchases.upsertAll(c, List.of(purchase("p1").build()));
            dao.startFullPass(c, T0);
            return null;
        });
        assertThat(store.read(SyncStateDao::isBulkLoad)).isFalse();
        assertThat(purchaseIndexes()).contains("idx_purchases_purchased_at");
    }

    @Test
    void aNewFullPassDuringABulkLoadBuildsItsIndexesFirst() {
        List<String> indexesBefore = purchaseIndexes();
        store.write(c -> {
            dao.startFullPass(c, T0);
            purchases.upsertAll(c, List.of(purchase("p1").title("Statistics").build()));
            return null;
        });
        // The cursor expired mid-pass: a new full pass over a store that is no longer empty.
        store.write(c -> {
            dao.startFullPass(c, T0.plusSeconds(60));
            return null;
        });
        assertThat(store.read(SyncStateDao::isBulkLoad)).isFalse();
        assertThat(purchaseIndexes()).containsExactlyElementsOf(indexesBefore);
        assertThat(idsMatching("statis")).containsExactly("p1");
    }

    private List<String> purchaseTriggers() {
        return store.read(c -> {
            List<String> names = new java.util.ArrayList<>();
            try (java.sql.Statement st = c.createStatement();
                 java.sql.ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                         + "AND tbl_name = 'purchases' ORDER BY name")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
    }

    private long generation() {
        return store.read(purchases::generation);
    }

    private long[] writerSettings() {
        return store.write(c -> {
            try (java.sql.Statement st = c.createStatement()) {
                long cache;
                long checkpoint;
                try (java.sql.ResultSet rs = st.executeQuery("PRAGMA cache_size")) {
                    cache = rs.getLong(1);
                }
                try (java.sql.ResultSet rs = st.executeQuery("PRAGMA wal_autocheckpoint")) {
                    checkpoint = rs.getLong(1);
                }
                return new long[] {cache, checkpoint};
            }
        });
    }

    @Test
    void aBulkLoadLeavesItsTriggersOutAndCountsOneGenerationAtItsEnd() {
        List<String> triggersBefore = purchaseTriggers();
        assertThat(triggersBefore).contains("purchases_search_insert", "purchases_generation_insert");
        long before = generation();

        store.write(c -> {
            dao.startFullPass(c, T0);
            return null;
        });
        assertThat(purchaseTriggers()).as("they would do nothing during the load").isEmpty();
        store.write(c -> {
            purchases.upsertAll(c, List.of(purchase("p1").build(), purchase("p2").build()));
            purchases.upsertAll(c, List.of(purchase("p2").version(2).build()));
            purchases.deleteByIds(c, List.of("p1"));
            return null;
        });
        assertThat(generation()).as("nothing counted during the load").isEqualTo(before);

        store.write(dao::finishFullPass);

        assertThat(purchaseTriggers()).containsExactlyElementsOf(triggersBefore);
        assertThat(generation()).isEqualTo(before + 1);
        store.write(c -> {
            purchases.upsertAll(c, List.of(purchase("p3").build()));
            return null;
        });
        assertThat(generation()).as("counted again after the load").isEqualTo(before + 2);
    }

    @Test
    void theSearchIndexIsFilledAfterTheLoadAndSearchesFindTheSameMeanwhile() {
        store.write(c -> {
            dao.startFullPass(c, T0);
            purchases.upsertAll(c, List.of(purchase("p1").title("Statistics with Python").build(),
                    purchase("p2").title("Deep Learning").build(), purchase("p3").receipt("RCPT-PY-778").build()));
            return null;
        });
        store.write(dao::finishFullPass);
        assertThat(store.read(SyncStateDao::isBulkLoad)).isFalse();
        assertThat(store.read(SyncStateDao::isSearchIndexReady)).as("waits for buildSearchIndex").isFalse();
        // A purchase written between the end of the load and the fill (the triggers are back).
        store.write(c -> {
            purchases.upsertAll(c, List.of(purchase("p4").title("Python for Everybody").build()));
            return null;
        });
        List<String> pythonBefore = idsMatching("python");
        List<String> receiptBefore = idsMatching("py-778");
        assertThat(pythonBefore).containsExactlyInAnyOrder("p1", "p4");
        assertThat(receiptBefore).containsExactly("p3");

        boolean built = store.write(dao::buildSearchIndex);

        assertThat(built).isTrue();
        assertThat(store.read(SyncStateDao::isSearchIndexReady)).isTrue();
        assertThat(idsMatching("python")).containsExactlyInAnyOrderElementsOf(pythonBefore);
        assertThat(idsMatching("py-778")).containsExactlyElementsOf(receiptBefore);
        assertThat(idsMatching("learn")).containsExactlyInAnyOrder("p2", "p3");
        long indexed = store.read(c -> {
            try (java.sql.Statement st = c.createStatement();
                 java.sql.ResultSet rs = st.executeQuery(
                         "SELECT COUNT(*) FROM purchase_search WHERE purchase_search MATCH '\"python\"'")) {
                return rs.getLong(1);
            }
        });
        assertThat(indexed).as("each purchase indexed once").isEqualTo(2);
        assertThat(store.write(dao::buildSearchIndex)).as("nothing waits any more").isFalse();
    }

    @Test
    void aBulkLoadWritesWithoutCheckpointsUntilItsSearchIndexIsFilled() {
        long[] everyday = writerSettings();
        store.write(c -> {
            dao.startFullPass(c, T0);
            return null;
        });
        long[] loading = writerSettings();
        assertThat(loading[1]).as("no automatic checkpoint").isZero();
        assertThat(loading[0]).as("a larger page cache").isLessThan(everyday[0]);

        store.write(dao::finishFullPass);
        assertThat(writerSettings()).as("until the fill").containsExactly(loading);
        store.write(dao::buildSearchIndex);

        assertThat(writerSettings()).containsExactly(everyday);
    }

    @Test
    void aBulkLoadResumedOnANewConnectionGetsItsSettingsAgain() {
        store.write(c -> {
            dao.startFullPass(c, T0);
            return null;
        });
        store.close();
        store = LocalStore.open(dir.resolve("store.db"));
        assertThat(writerSettings()[1]).as("a new connection starts with the defaults").isNotZero();

        boolean bulk = store.write(SyncStateDao::prepareBulkWrite);

        assertThat(bulk).isTrue();
        assertThat(writerSettings()[1]).isZero();
    }
}
