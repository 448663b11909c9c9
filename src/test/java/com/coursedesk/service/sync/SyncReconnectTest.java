package com.coursedesk.service.sync;

import com.coursedesk.data.db.PurchaseDao;
import com.coursedesk.data.db.StoredPurchase;
import com.coursedesk.platform.credentials.InMemoryCredentialStore;
import com.coursedesk.service.ServiceFixture;
import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.service.auth.SignInService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static com.coursedesk.service.ServiceFixture.ADA;
import static com.coursedesk.service.ServiceFixture.syncNow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offline, the engine looks for the server every little while ({@link SyncEngine#RECONNECT_PROBE})
 * and syncs by itself once it answers: the learner who lost the network does not have to
 * press "Sync now" to see what changed meanwhile.
 */
class SyncReconnectTest {

    private static final Duration PROBE = Duration.ofMillis(150);
    private static final String CUT_OFF = "{\"dropConnectionNext\": 1000000}";

    @TempDir
    Path dir;

    private ServiceFixture fx;
    private AccountSession session;
    private final List<SyncStatus> published = new CopyOnWriteArrayList<>();

    @BeforeEach
    void signInAndGoOffline() {
        fx = ServiceFixture.start(dir);
        SignInService service = fx.newSignInService(new InMemoryCredentialStore());
        session = fx.signIn(service, ADA);
        assertThat(syncNow(session)).isInstanceOf(SyncStatus.Idle.class);
        session.sync().reconnectProbeEvery(PROBE);

        fx.faults(CUT_OFF);
        assertThat(syncNow(session)).isInstanceOf(SyncStatus.Offline.class);
        session.sync().addListener(published::add);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void whenTheServerAnswersAgainThePassRunsByItselfAndBringsWhatChanged() throws Exception {
        fx.clearFaults();
        fx.control("POST", "/_sandbox/accounts/" + ADA + "/purchases",
                "{\"title\": \"Bought while offline\", \"amountMinor\": 3900, \"currency\": \"EUR\"}");

        awaitStatus(SyncStatus.Idle.class, Duration.ofSeconds(10));
        assertThat(titles()).contains("Bought while offline");
        assertThat(published).first().isInstanceOf(SyncStatus.Syncing.class);
    }

    @Test
    void whileTheServerStaysAwayEachLookIsOneRequestAndNoPassIsStarted() throws Exception {
        int retriesBefore = fx.retryWaits().size();
        Thread.sleep(PROBE.multipliedBy(6).toMillis());

        assertThat(published).as("the probe asks /v1/health only; a pass would show as syncing").isEmpty();
        assertThat(session.sync().status()).isInstanceOf(SyncStatus.Offline.class);
        assertThat(fx.retryWaits()).as("no retries inside a look").hasSize(retriesBefore);
    }

    @Test
    void aClosedEngineNoLongerLooksForTheServer() throws Exception {
        session.sync().close();
        fx.clearFaults();
        Thread.sleep(PROBE.multipliedBy(6).toMillis());

        assertThat(published).isEmpty();
    }

    private List<String> titles() {
        PurchaseDao purchases = new PurchaseDao();
        return session.store().read(purchases::findAll).stream()
                .map(StoredPurchase::purchase).map(p -> p.product().title()).toList();
    }

    private void awaitStatus(Class<? extends SyncStatus> wanted, Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (!wanted.isInstance(session.sync().status())) {
            if (System.nanoTime() > end) {
                throw new AssertionError("still " + session.sync().status() + " after " + within.toSeconds()
                        + " s; published " + published);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
