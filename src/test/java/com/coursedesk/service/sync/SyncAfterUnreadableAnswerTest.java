package com.coursedesk.service.sync;

import com.coursedesk.data.db.ActionRecord;
import com.coursedesk.data.db.ActionState;
import com.coursedesk.domain.Subscription;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static com.coursedesk.service.ServiceFixture.ADA;
import static com.coursedesk.service.ServiceFixture.localState;
import static com.coursedesk.service.ServiceFixture.syncNow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An answer cut short ("Sync failed: the server's answer could not be read … CourseDesk tries
 * again") is tried again soon, as a server error is, not only at the next 15-minute pass: an
 * action whose answer was lost shows as confirmed a moment later, not a quarter of an hour.
 */
class SyncAfterUnreadableAnswerTest {

    private static final Duration PROBE = Duration.ofMillis(150);

    @TempDir
    Path dir;

    private ServiceFixture fx;
    private AccountSession session;

    @BeforeEach
    void signIn() {
        fx = ServiceFixture.start(dir);
        SignInService service = fx.newSignInService(new InMemoryCredentialStore());
        session = fx.signIn(service, ADA);
        assertThat(syncNow(session)).isInstanceOf(SyncStatus.Idle.class);
        session.sync().reconnectProbeEvery(PROBE);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void aCancellationWhoseAnswerCouldNotBeReadIsConfirmedByItselfSoonAfter() throws Exception {
        Subscription before = localState(session.store()).subscriptions().values().stream()
                .filter(Subscription::isCancelable).findFirst().orElseThrow();
        // The provider cancels, then its answer arrives cut short (invalid JSON with status 200).
        fx.faults("{\"malformedJsonNext\": 1, \"pathPrefix\": \"/v1/subscriptions\"}");
        List<SyncStatus> ends = new CopyOnWriteArrayList<>();
        CompletableFuture<SyncStatus> failed = new CompletableFuture<>();
        session.sync().addListener(status -> {
            if (!(status instanceof SyncStatus.Syncing)) {
                ends.add(status);
                if (status instanceof SyncStatus.Failed) {
                    failed.complete(status);
                }
            }
        });

        long id = session.actions().cancel(before.id(), null, null);

        SyncStatus first = failed.get(60, TimeUnit.SECONDS);
        assertThat(((SyncStatus.Failed) first).reason()).isEqualTo(SyncStatus.Reason.BAD_RESPONSE);
        assertThat(action(id).state()).as("not confirmed from an unreadable answer")
                .isNotEqualTo(ActionState.CONFIRMED);

        // Nobody presses "Sync now".
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (action(id).state() != ActionState.CONFIRMED && System.nanoTime() < end) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        assertThat(action(id).state()).as("passes ended: %s", ends).isEqualTo(ActionState.CONFIRMED);
        Subscription after = fx.serverState(ADA).subscriptions().get(before.id());
        assertThat(after.version()).as("canceled exactly once").isEqualTo(before.version() + 1);
    }

    private ActionRecord action(long id) {
        return session.actions().history().stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }
}
