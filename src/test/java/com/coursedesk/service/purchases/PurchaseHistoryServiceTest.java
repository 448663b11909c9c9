package com.coursedesk.service.purchases;

import com.coursedesk.data.db.ActionAnswer;
import com.coursedesk.data.db.ActionDao;
import com.coursedesk.data.db.LocalStore;
import com.coursedesk.data.db.PurchaseDao;
import com.coursedesk.domain.Channel;
import com.coursedesk.domain.ProductType;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.PurchaseStatus;
import com.coursedesk.service.actions.ActionNotAllowedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static com.coursedesk.service.purchases.PurchaseFixtures.NOW;
import static com.coursedesk.service.purchases.PurchaseFixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PurchaseHistoryServiceTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @TempDir
    Path dir;
    private LocalStore store;
    private PurchaseHistoryService history;
    private final AtomicInteger queued = new AtomicInteger();

    @BeforeEach
    void open() {
        store = PurchaseFixtures.store(dir, PurchaseFixtures.adaLikeHistory());
        history = new PurchaseHistoryService(store,
                PurchaseFixtures.actions(store, PurchaseFixtures.clockAt(NOW), queued::incrementAndGet), LONDON);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<String> ids(PurchaseFilter filter) {
        return history.search(filter).stream().map(e -> e.purchase().id()).toList();
    }

    @Test
    void everythingNewestFirst() {
        assertThat(ids(PurchaseFilter.all())).containsExactly(
                "p07", "p01", "p03", "p04", "p08", "p02", "p06", "p05", "p09", "p10", "p11");
    }

    @Test
    void searchIgnoresAccentsAndCaseAcrossTitlePartnerAndReceipt() {
        assertThat(ids(PurchaseFilter.all().withText("aprendizaje automatico"))).containsExactly("p02");
        assertThat(ids(PurchaseFilter.all().withText("YALE"))).containsExactly("p01", "p05", "p10");
        assertThat(ids(PurchaseFilter.all().withText("r-2026-p08"))).containsExactly("p08");
        assertThat(ids(PurchaseFilter.all().withText("東京"))).containsExactly("p09");
        assertThat(ids(PurchaseFilter.all().withText("nothing like this"))).isEmpty();
    }

    @Test
    void filtersNarrowAndCombine() {
        assertThat(ids(PurchaseFilter.all().withStatus(PurchaseStatus.REFUNDED))).containsExactly("p05");
        assertThat(ids(PurchaseFilter.all().withChannel(Channel.APP_STORE))).containsExactly("p03");
        assertThat(ids(PurchaseFilter.all().withType(ProductType.GUIDED_PROJECT))).containsExactly("p07", "p04", "p08");
        assertThat(ids(PurchaseFilter.all().withText("yale").withStatus(PurchaseStatus.PAID))).containsExactly("p01", "p10");
    }

    @Test
    void aYearIsTheLearnersCalendarYear() {
        // p09 was bought at 23:30 UTC on 30 June 2025: in 2025 either way; the years list is newest first.
        assertThat(history.years()).containsExactly(Year.of(2026), Year.of(2025), Year.of(2024));
        assertThat(ids(PurchaseFilter.all().withYear(Year.of(2025)))).containsExactly("p09", "p10");
        // 23:30 UTC on New Year's Eve is already the new year in Tokyo.
        Purchase newYear = purchase("p12").purchasedAt(Instant.parse("2025-12-31T23:30:00Z")).build();
        store.write(c -> {
            new PurchaseDao().upsertAll(c, List.of(newYear));
            return null;
        });
        PurchaseHistoryService tokyo = new PurchaseHistoryService(store,
                PurchaseFixtures.actions(store, PurchaseFixtures.clockAt(NOW), () -> { }), ZoneId.of("Asia/Tokyo"));
        assertThat(tokyo.search(PurchaseFilter.all().withYear(Year.of(2026))).stream().map(e -> e.purchase().id()))
                .contains("p12");
        assertThat(ids(PurchaseFilter.all().withYear(Year.of(2026)))).doesNotContain("p12");
    }

    @Test
    void aRefundRequestIsQueuedAndItsOutcomeRead() {
        assertThat(history.latestRefundRequest("p01")).isEmpty();
        long actionId = history.requestRefund("p01", "Not what I expected");
        assertThat(queued).hasValue(1);
        assertThat(history.find("p01")).get().extracting(PurchaseEntry::actionPending).isEqualTo(true);
        assertThat(history.search(PurchaseFilter.all().withText("psychology")).get(0).actionPending()).isTrue();
        RefundRequestState pending = history.latestRefundRequest("p01").orElseThrow();
        assertThat(pending.stage()).isEqualTo(RefundRequestState.Stage.PENDING);
        assertThat(pending.askedAt()).isEqualTo(NOW);

        store.write(c -> {
            new ActionDao().markRefused(c, actionId, new ActionAnswer(NOW.plusSeconds(5), 409, "not_refundable",
                    "The refund window closed on 2026-05-09.", null, NOW.plusSeconds(5)));
            return null;
        });
        RefundRequestState refused = history.latestRefundRequest("p01").orElseThrow();
        assertThat(refused.stage()).isEqualTo(RefundRequestState.Stage.REFUSED);
        assertThat(refused.detail()).isEqualTo("The refund window closed on 2026-05-09.");
        assertThat(refused.answeredAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(history.find("p01").orElseThrow().actionPending()).isFalse();
    }

    @Test
    void aConfirmedRequestIsConfirmed() {
        long actionId = history.requestRefund("p01", "Changed my mind");
        store.write(c -> {
            new ActionDao().markConfirmed(c, actionId, new ActionAnswer(NOW.plusSeconds(3), 200, null, null, "{}",
                    NOW.plusSeconds(3)));
            return null;
        });
        assertThat(history.latestRefundRequest("p01").orElseThrow().stage())
                .isEqualTo(RefundRequestState.Stage.CONFIRMED);
    }

    @Test
    void storePurchasesAreNotRefundedHere() {
        assertThatThrownBy(() -> history.requestRefund("p03", "please"))
                .isInstanceOfSatisfying(ActionNotAllowedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ActionNotAllowedException.Reason.MANAGED_ELSEWHERE));
        assertThat(queued).hasValue(0);
        assertThat(history.latestRefundRequest("p03")).isEmpty();
    }
}
