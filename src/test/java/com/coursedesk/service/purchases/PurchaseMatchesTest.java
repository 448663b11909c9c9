package com.coursedesk.service.purchases;

import com.coursedesk.data.db.LocalStore;
import com.coursedesk.data.db.PurchaseDao;
import com.coursedesk.data.db.StoredPurchase;
import com.coursedesk.domain.Channel;
import com.coursedesk.domain.ProductType;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.PurchaseStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.coursedesk.service.purchases.PurchaseFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compact, column-wise history the Purchases screen searches (PurchaseSnapshot behind
 * {@link PurchaseMatches}): every purchase comes back exactly as the store holds it, and every
 * search finds exactly what the store's own SQL search finds.
 */
class PurchaseMatchesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @TempDir
    Path dir;
    private LocalStore store;
    private PurchaseHistoryService history;

    @BeforeEach
    void open() {
        store = PurchaseFixtures.store(dir, PurchaseFixtures.adaLikeHistory());
        history = new PurchaseHistoryService(store,
                PurchaseFixtures.actions(store, PurchaseFixtures.clockAt(NOW), () -> { }), LONDON);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void everyPurchaseComesBackFieldForFieldAsStored() {
        history.requestRefund("p01", "Not what I expected");
        Map<String, StoredPurchase> stored = store.read(c -> new PurchaseDao().findAll(c)).stream()
                .collect(Collectors.toMap(s -> s.purchase().id(), Function.identity()));

        PurchaseMatches all = history.matches(PurchaseFilter.all(), Locale.UK);

        assertThat(all.size()).isEqualTo(stored.size()).isEqualTo(11);
        for (int i = 0; i < all.size(); i++) {
            StoredPurchase expected = stored.get(all.id(i));
            // Nulls (refund times, subscription), PayPal and card, yen without minor unit, emoji and CJK titles.
            assertThat(all.purchase(i)).isEqualTo(expected.purchase());
            assertThat(all.actionPending(i)).isEqualTo(expected.hasPendingAction());
            assertThat(all.title(i)).isEqualTo(expected.purchase().product().title());
            assertThat(all.total(i)).isEqualTo(expected.purchase().total());
            assertThat(all.purchasedAtMillis(i)).isEqualTo(expected.purchase().purchasedAt().toEpochMilli());
        }
        assertThat(all.actionPending(all.positionOf("p01"))).isTrue();
        assertThat(all.positionOf("no-such-purchase")).isEqualTo(-1);
        // The list form makes the same purchases, in the same order.
        assertThat(all.purchases()).extracting(Purchase::id)
                .containsExactlyElementsOf(IntStream.range(0, all.size()).mapToObj(all::id).toList());
    }

    @Test
    void findsExactlyWhatTheStoresSqlSearchFinds() {
        List<PurchaseFilter> filters = List.of(
                PurchaseFilter.all(),
                PurchaseFilter.all().withText("yale"),
                PurchaseFilter.all().withText("APRENDIZAJE automatico"),
                PurchaseFilter.all().withText("機械"),
                PurchaseFilter.all().withText("r-2026-p0"),
                PurchaseFilter.all().withText("university yale"),
                PurchaseFilter.all().withText("nothing like this"),
                PurchaseFilter.all().withStatus(PurchaseStatus.REFUNDED),
                PurchaseFilter.all().withChannel(Channel.GOOGLE_PLAY),
                PurchaseFilter.all().withType(ProductType.GUIDED_PROJECT).withText("coursera"),
                PurchaseFilter.all().withYear(Year.of(2025)),
                PurchaseFilter.all().withYear(Year.of(2026)).withStatus(PurchaseStatus.PAID));
        for (PurchaseFilter filter : filters) {
            List<String> bySql = store.read(c -> new PurchaseDao().search(c, filter.toQuery(LONDON))).stream()
                    .map(s -> s.purchase().id()).toList();
            PurchaseMatches found = history.matches(filter, Locale.UK);
            List<String> inMemory = IntStream.range(0, found.size()).mapToObj(found::id).toList();
            assertThat(inMemory).as(filter.toString()).containsExactlyElementsOf(bySql);
        }
    }

    @Test
    void alphabeticalPlacesFollowTheLanguagesOrder() {
        PurchaseMatches all = history.matches(PurchaseFilter.all(), Locale.UK);
        List<Integer> positions = new ArrayList<>(IntStream.range(0, all.size()).boxed().toList());

        positions.sort(Comparator.comparingInt(all::titlePlace));
        List<String> titles = positions.stream().map(all::title).toList();
        assertThat(titles).isSortedAccordingTo(java.text.Collator.getInstance(Locale.UK)::compare);
        // "Aprendizaje Automático" sorts with the A's, not after every unaccented title.
        assertThat(titles.get(0)).isEqualTo("Aprendizaje Automático");

        positions.sort(Comparator.comparingInt(all::partnerPlace));
        assertThat(positions.stream().map(all::partner).toList())
                .isSortedAccordingTo(java.text.Collator.getInstance(Locale.UK)::compare);
        // Equal partners share a place.
        assertThat(all.partnerPlace(all.positionOf("p01"))).isEqualTo(all.partnerPlace(all.positionOf("p05")));
    }

    @Test
    void totalsAndChartReadFromColumnsEqualThoseOfTheWholePurchases() {
        PurchaseMatches all = history.matches(PurchaseFilter.all(), Locale.UK);
        assertThat(PurchaseTotals.of(all)).isEqualTo(PurchaseTotals.of(all.purchases()));
        SpendingChart fromColumns = SpendingChart.of(all, LONDON);
        SpendingChart fromPurchases = SpendingChart.of(all.purchases(), LONDON);
        assertThat(fromColumns.currencies()).isEqualTo(fromPurchases.currencies());
        for (var currency : fromPurchases.currencies()) {
            for (var granularity : SpendingChart.Granularity.values()) {
                assertThat(fromColumns.bars(currency, granularity)).isEqualTo(fromPurchases.bars(currency, granularity));
            }
        }
    }
}
