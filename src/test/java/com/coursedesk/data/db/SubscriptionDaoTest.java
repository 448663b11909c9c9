package com.coursedesk.data.db;

import com.coursedesk.domain.BillingInterval;
import com.coursedesk.domain.Channel;
import com.coursedesk.domain.Money;
import com.coursedesk.domain.Plan;
import com.coursedesk.domain.Subscription;
import com.coursedesk.domain.SubscriptionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static com.coursedesk.data.db.StoreTestData.T0;
import static com.coursedesk.data.db.StoreTestData.subscription;
import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionDaoTest {

    @TempDir
    Path dir;

    private LocalStore store;
    private final SubscriptionDao dao = new SubscriptionDao();

    @BeforeEach
    void open() {
        store = LocalStore.open(dir.resolve("store.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void upsert(Subscription... subscriptions) {
        store.write(c -> {
            dao.upsertAll(c, List.of(subscriptions));
            return null;
        });
    }

    private Optional<StoredSubscription> find(String id) {
        return store.read(c -> dao.findById(c, id));
    }

    @Test
    void everyFieldSurvivesTheRoundTrip() {
        Subscription trial = subscription("sub_trial").status(SubscriptionStatus.TRIALING)
                .trialEndsAt(T0.plusSeconds(7 * 86400)).nextPayment(T0.plusSeconds(7 * 86400), Money.of(3900, "EUR"))
                .plan(new Plan("plan_y", BillingInterval.YEAR, Money.of(39900, "EUR"))).version(4).build();
        Subscription canceled = subscription("sub_gone").title("Ciência de Dados").status(SubscriptionStatus.CANCELED)
                .channel(Channel.APP_STORE).cancelAtPeriodEnd(true).canceledAt(T0.plusSeconds(5))
                .endedAt(T0.plusSeconds(10)).nextPayment(null, null).deadlinesResetAt(T0.plusSeconds(3)).build();
        upsert(trial, canceled);

        assertThat(find("sub_trial")).contains(new StoredSubscription(trial, null));
        assertThat(find("sub_gone")).contains(new StoredSubscription(canceled, null));
        assertThat(find("nope")).isEmpty();
    }

    @Test
    void anUpsertKeepsThePendingMarkAndIgnoresOlderVersions() {
        upsert(subscription("sub_1").version(5).build());
        long actionId = store.write(c -> new ActionDao().insertPending(c,
                new NewAction(ActionKind.CANCEL, "sub_1", "key-1", "{}", T0)));

        Subscription newer = subscription("sub_1").cancelAtPeriodEnd(true).canceledAt(T0).nextPayment(null, null)
                .version(6).build();
        upsert(newer);
        upsert(subscription("sub_1").version(4).build());

        StoredSubscription stored = find("sub_1").orElseThrow();
        assertThat(stored.subscription()).isEqualTo(newer);
        assertThat(stored.pendingActionId()).isEqualTo(actionId);
        assertThat(stored.hasPendingAction()).isTrue();
    }

    @Test
    void findAllDeleteAndCount() {
        upsert(subscription("old").startedAt(T0.minusSeconds(100)).build(),
                subscription("new").startedAt(T0.plusSeconds(100)).build(),
                subscription("mid").build());
        List<StoredSubscription> all = store.read(dao::findAll);
        assertThat(all).extracting(s -> s.subscription().id()).containsExactly("new", "mid", "old");

        int deleted = store.write(c -> dao.deleteByIds(c, List.of("mid", "unknown")));
        assertThat(deleted).isEqualTo(1);
        long count = store.read(dao::count);
        assertThat(count).isEqualTo(2);
    }
}
