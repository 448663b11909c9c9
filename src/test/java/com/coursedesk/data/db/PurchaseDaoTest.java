package com.coursedesk.data.db;

import com.coursedesk.domain.Channel;
import com.coursedesk.domain.Money;
import com.coursedesk.domain.PaymentMethod;
import com.coursedesk.domain.ProductType;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.PurchaseKind;
import com.coursedesk.domain.PurchaseStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static com.coursedesk.data.db.StoreTestData.T0;
import static com.coursedesk.data.db.StoreTestData.purchase;
import static org.assertj.core.api.Assertions.assertThat;

class PurchaseDaoTest {

    @TempDir
    Path dir;

    private LocalStore store;
    private final PurchaseDao dao = new PurchaseDao();

    @BeforeEach
    void open() {
        store = LocalStore.open(dir.resolve("store.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void upsert(Purchase... purchases) {
        store.write(c -> {
            dao.upsertAll(c, List.of(purchases));
            return null;
        });
    }

    private Optional<StoredPurchase> find(String id) {
        return store.read(c -> dao.findById(c, id));
    }

    private List<String> search(PurchaseQuery query) {
        return store.read(c -> dao.searchIds(c, query));
    }

    private long count() {
        return store.read(dao::count);
    }

    private List<Integer> years(ZoneId zone) {
        return store.read(c -> dao.years(c, zone));
    }

    private List<String> search(String text) {
        return search(PurchaseQuery.all().withText(text));
    }

    @Test
    void everyFieldSurvivesTheRoundTrip() {
        Purchase card = purchase("pur_1").kind(PurchaseKind.SUBSCRIPTION_PAYMENT).subscriptionId("sub_9")
                .type(ProductType.PROFESSIONAL_CERTIFICATE).amount(Money.of(4900, "JPY")).tax(Money.of(0, "JPY"))
                .total(Money.of(4900, "JPY")).channel(Channel.GOOGLE_PLAY).status(PurchaseStatus.REFUNDED)
                .refundedAt(T0.plusSeconds(60)).refundableUntil(null).updatedAt(T0.plusSeconds(61)).version(7)
                .build();
        Purchase payPal = purchase("pur_2").title("Aprendizaje Automático").partner("Universidad de los Andes")
                .paymentMethod(new PaymentMethod.PayPal("a***@example.com")).refundedAt(null).build();
        upsert(card, payPal);

        assertThat(find("pur_1")).contains(new StoredPurchase(card, null));
        assertThat(find("pur_2")).contains(new StoredPurchase(payPal, null));
        assertThat(find("pur_missing")).isEmpty();
    }

    @Test
    void anUpsertReplacesTheRecordButNeverWithAnOlderVersion() {
        upsert(purchase("pur_1").status(PurchaseStatus.PENDING).version(2).build());
        Purchase paid = purchase("pur_1").status(PurchaseStatus.PAID).version(3).build();
        upsert(paid);
        assertThat(find("pur_1").orElseThrow().purchase()).isEqualTo(paid);

        upsert(purchase("pur_1").status(PurchaseStatus.FAILED).version(2).build());
        assertThat(find("pur_1").orElseThrow().purchase()).isEqualTo(paid);
        assertThat(count()).isEqualTo(1L);
    }

    @Test
    void anUpsertKeepsThePendingMarkOfTheRecord() {
        upsert(purchase("pur_1").build());
        long actionId = store.write(c -> new ActionDao().insertPending(c,
                new NewAction(ActionKind.REFUND, "pur_1", "key-1", "{\"reason\":\"x\"}", T0)));

        Purchase newer = purchase("pur_1").status(PurchaseStatus.REFUNDED).refundedAt(T0).version(2).build();
        upsert(newer);

        StoredPurchase stored = find("pur_1").orElseThrow();
        assertThat(stored.purchase()).isEqualTo(newer);
        assertThat(stored.pendingActionId()).isEqualTo(actionId);
    }

    @Test
    void findAllIsNewestFirstAndDeleteRemovesRows() {
        upsert(purchase("a").purchasedAt(T0).build(),
                purchase("b").purchasedAt(T0.plusSeconds(10)).build(),
                purchase("c").purchasedAt(T0.minusSeconds(10)).build(),
                purchase("d").purchasedAt(T0).build());
        List<String> order = store.read(c -> dao.findAll(c)).stream().map(p -> p.purchase().id()).toList();
        assertThat(order).containsExactly("b", "d", "a", "c");

        int deleted = store.write(c -> dao.deleteByIds(c, List.of("a", "c", "not-there")));
        assertThat(deleted).isEqualTo(2);
        assertThat(count()).isEqualTo(2L);
        assertThat(search("machine")).containsExactly("b", "d");
    }

    @Test
    void searchIgnoresAccentsAndCase() {
        upsert(purchase("es").title("Aprendizaje Automático").partner("Universidad de los Andes").build(),
                purchase("en").title("Machine Learning").partner("Stanford University").build(),
                purchase("de").title("Grundlagen der Straßenplanung").partner("TU München").build());

        assertThat(search("aprendizaje automatico")).containsExactly("es");
        assertThat(search("APRENDIZAJE AUTOMÁTICO")).containsExactly("es");
        assertThat(search("automát")).containsExactly("es");
        assertThat(search("munchen")).containsExactly("de");
        assertThat(search("STRASSEN")).containsExactly("de");
        assertThat(search("stanford")).containsExactly("en");
        assertThat(search("learning stanford")).containsExactly("en");
        assertThat(search("learning andes")).isEmpty();
        assertThat(search("   ")).containsExactlyInAnyOrder("es", "en", "de");
    }

    @Test
    void aReceiptNumberFindsItsPurchase() {
        upsert(purchase("p1").receipt("R-2026-000123").build(), purchase("p2").receipt("R-2026-000456").build());
        assertThat(search("R-2026-000123")).containsExactly("p1");
        assertThat(search("r-2026-000456")).containsExactly("p2");
        assertThat(search("000123")).containsExactly("p1");
        assertThat(search("R-2026")).containsExactlyInAnyOrder("p1", "p2");
    }

    @Test
    void shortTermsAndWordsInsideUnspacedScriptsAreFound() {
        upsert(purchase("ja").title("機械学習入門").partner("東京大学").build(),
                purchase("ai").title("AI for Everyone").partner("DeepLearning.AI").build(),
                purchase("ga").title("ガイド").partner("x").build(),
                purchase("ka").title("カイド").partner("y").build());
        assertThat(search("学習")).containsExactly("ja");
        assertThat(search("機械学習")).containsExactly("ja");
        assertThat(search("ai")).containsExactly("ai");
        assertThat(search("Ｅｖｅｒｙｏｎｅ")).containsExactly("ai");
        // Kana voicing marks are letters, not accents: ガ is not カ.
        assertThat(search("ガイ")).containsExactly("ga");
        assertThat(search("100%")).isEmpty();
        assertThat(search("\"quoted\"")).isEmpty();
    }

    @Test
    void searchFollowsTitleChangesAndDeletes() {
        upsert(purchase("p1").title("Old Title").build());
        upsert(purchase("p1").title("New Title").version(2).build());
        assertThat(search("old")).isEmpty();
        assertThat(search("new title")).containsExactly("p1");
        store.write(c -> dao.deleteByIds(c, List.of("p1")));
        assertThat(search("new title")).isEmpty();
    }

    @Test
    void filtersNarrowTheResult() {
        upsert(purchase("web-course-2025").channel(Channel.WEB).type(ProductType.COURSE)
                        .purchasedAt(Instant.parse("2025-12-31T23:30:00Z")).build(),
                purchase("app-plus-2026").channel(Channel.APP_STORE).type(ProductType.PLUS)
                        .kind(PurchaseKind.SUBSCRIPTION_PAYMENT).status(PurchaseStatus.REFUNDED)
                        .purchasedAt(Instant.parse("2026-02-01T10:00:00Z")).build(),
                purchase("play-degree-2026").channel(Channel.GOOGLE_PLAY).type(ProductType.DEGREE)
                        .status(PurchaseStatus.FAILED).purchasedAt(Instant.parse("2026-06-01T10:00:00Z")).build());

        assertThat(search(PurchaseQuery.all().withChannels(Set.of(Channel.WEB, Channel.GOOGLE_PLAY))))
                .containsExactly("play-degree-2026", "web-course-2025");
        assertThat(search(PurchaseQuery.all().withStatuses(Set.of(PurchaseStatus.REFUNDED))))
                .containsExactly("app-plus-2026");
        assertThat(search(PurchaseQuery.all().withProductTypes(Set.of(ProductType.DEGREE, ProductType.COURSE))))
                .containsExactly("play-degree-2026", "web-course-2025");
        assertThat(search(PurchaseQuery.all().withKinds(Set.of(PurchaseKind.SUBSCRIPTION_PAYMENT))))
                .containsExactly("app-plus-2026");
        assertThat(search(PurchaseQuery.all().withYear(Year.of(2025), ZoneOffset.UTC)))
                .containsExactly("web-course-2025");
        // 23:30 UTC on New Year's Eve is already 2026 in Tokyo.
        assertThat(search(PurchaseQuery.all().withYear(Year.of(2026), ZoneId.of("Asia/Tokyo"))))
                .containsExactly("play-degree-2026", "app-plus-2026", "web-course-2025");
        PurchaseQuery combined = PurchaseQuery.all().withText("machine").withYear(Year.of(2026), ZoneOffset.UTC)
                .withStatuses(Set.of(PurchaseStatus.FAILED, PurchaseStatus.REFUNDED))
                .withChannels(Set.of(Channel.GOOGLE_PLAY));
        assertThat(search(combined)).containsExactly("play-degree-2026");
        long combinedCount = store.read(c -> dao.count(c, combined));
        assertThat(combinedCount).isEqualTo(1L);
        assertThat(store.read(c -> dao.search(c, combined)).get(0).purchase().id()).isEqualTo("play-degree-2026");

        assertThat(years(ZoneOffset.UTC)).containsExactly(2026, 2025);
        assertThat(years(ZoneId.of("Asia/Tokyo"))).containsExactly(2026);
    }

    @Test
    void paymentsOfOneSubscription() {
        upsert(purchase("p1").subscriptionId("sub_1").purchasedAt(T0).build(),
                purchase("p2").subscriptionId("sub_1").purchasedAt(T0.plusSeconds(100)).build(),
                purchase("p3").subscriptionId("sub_2").build(),
                purchase("p4").build());
        List<StoredPurchase> payments = store.read(c -> dao.findBySubscription(c, "sub_1"));
        assertThat(payments).extracting(p -> p.purchase().id())
                .containsExactly("p2", "p1");
    }

    @Test
    void aHundredThousandRowUpsertFinishesAndIsSearchable() {
        List<Purchase> many = new ArrayList<>(100_000);
        for (int i = 0; i < 100_000; i++) {
            many.add(purchase(String.format("pur_%06d", i))
                    .title(i % 1000 == 0 ? "Aprendizaje Automático " + i : "Course number " + i)
                    .receipt(String.format("R-2026-%06d", i))
                    .purchasedAt(T0.plusSeconds(i))
                    .build());
        }
        store.write(c -> {
            dao.upsertAll(c, many);
            return null;
        });
        assertThat(count()).isEqualTo(100_000L);
        assertThat(search("aprendizaje automatico")).hasSize(100).startsWith("pur_099000");
        assertThat(search("R-2026-054321")).containsExactly("pur_054321");
        List<StoredPurchase> all = store.read(dao::findAll);
        assertThat(all).hasSize(100_000)
                .first().extracting(p -> p.purchase().id()).isEqualTo("pur_099999");
    }
}
