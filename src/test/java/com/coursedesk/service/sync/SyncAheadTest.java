package com.coursedesk.service.sync;

import com.coursedesk.data.api.BillingApiClient;
import com.coursedesk.data.api.RetryPolicy;
import com.coursedesk.data.api.SyncPage;
import com.coursedesk.data.db.SyncState;
import com.coursedesk.platform.credentials.InMemoryCredentialStore;
import com.coursedesk.service.ServiceFixture;
import com.coursedesk.service.ServiceFixture.Records;
import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.service.auth.SignInService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static com.coursedesk.service.ServiceFixture.PAGE_LIMIT;
import static com.coursedesk.service.ServiceFixture.SCALE;
import static com.coursedesk.service.ServiceFixture.localState;
import static com.coursedesk.service.ServiceFixture.password;
import static com.coursedesk.service.ServiceFixture.syncNow;
import static com.coursedesk.service.ServiceFixture.syncState;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sync asks for page k+1 while it reads and writes page k: the store still only ever holds
 * whole pages with the cursor of the last one, and a failure of the page asked for ahead leaves
 * the pages before it applied and the next pass going on from there.
 */
class SyncAheadTest {

    @TempDir
    Path dir;

    private ServiceFixture fx;
    private SignInService service;

    @BeforeEach
    void start() {
        fx = ServiceFixture.start(dir);
        service = fx.newSignInService(new InMemoryCredentialStore());
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    /** The ids of the records the feed holds after {@code cursor}, read by a client of its own. */
    private Set<String> feedAfter(String cursor) {
        BillingApiClient api = ServiceFixture.client(fx.baseUri(), RetryPolicy.none(), new ArrayList<>());
        String token = api.login(SCALE, password(SCALE).toCharArray()).accessToken();
        Set<String> ids = new HashSet<>();
        String from = cursor;
        SyncPage page;
        do {
            page = api.sync(token, from, BillingApiClient.MAX_SYNC_LIMIT);
            page.purchases().forEach(p -> ids.add(p.id()));
            page.subscriptions().forEach(s -> ids.add(s.id()));
            from = page.cursor();
        } while (page.hasMore());
        return ids;
    }

    private static Set<String> ids(Records records) {
        Set<String> ids = new HashSet<>(records.purchases().keySet());
        ids.addAll(records.subscriptions().keySet());
        return ids;
    }

    @Test
    void everyProgressStepShowsWholePagesStoredWithTheCursorOfTheLast() {
        AccountSession session = fx.signIn(service, SCALE);
        Records server = fx.serverState(SCALE);
        // Slow answers: the page asked for ahead is still on its way at every step.
        fx.faults("{\"pathPrefix\":\"/v1/sync\",\"delayMillis\":30}");
        List<String> problems = new CopyOnWriteArrayList<>();
        List<Long> steps = new CopyOnWriteArrayList<>();
        session.sync().addListener(status -> {
            if (status instanceof SyncStatus.Syncing s && s.done() > 0) {
                // Called on the sync thread right after pages landed, before more are handed on.
                Records local = localState(session.store());
                if (local.size() != s.done()) {
                    problems.add("done " + s.done() + " but " + local.size() + " stored");
                }
                if (local.size() % PAGE_LIMIT != 0 && local.size() != server.size()) {
                    problems.add(local.size() + " stored: not whole pages");
                }
                steps.add(s.done());
            }
        });

        assertThat(syncNow(session)).isInstanceOf(SyncStatus.Idle.class);

        assertThat(problems).isEmpty();
        assertThat(steps).isSorted().hasSizeGreaterThan(2);
        fx.assertMatchesServer(session, SCALE);
    }

    @Test
    void aFailureOfThePageAskedForAheadLeavesThePagesBeforeItAppliedAndTheNextPassResumes() {
        AccountSession session = fx.signIn(service, SCALE);
        Records server = fx.serverState(SCALE);
        // Slow answers, so that the pages asked for ahead have not all arrived when the first
        // ones are stored (a fast client and server fetched the whole feed first now and then).
        // A request checks for failures after its delay: the one under way then fails too.
        fx.faults("{\"pathPrefix\":\"/v1/sync\",\"delayMillis\":30}");
        AtomicBoolean broken = new AtomicBoolean();
        session.sync().addListener(status -> {
            // Once the first pages are stored, every further page request fails (more times
            // than the client retries): the page asked for ahead, or the one after it, fails.
            if (status instanceof SyncStatus.Syncing s && s.done() > 0 && broken.compareAndSet(false, true)) {
                fx.faults("{\"pathPrefix\":\"/v1/sync\",\"failNext\":100000,\"failureStatus\":503,"
                        + "\"retryAfterSeconds\":0}");
            }
        });

        SyncStatus failed = syncNow(session);

        assertThat(failed).isInstanceOfSatisfying(SyncStatus.Failed.class,
                f -> assertThat(f.reason()).isEqualTo(SyncStatus.Reason.SERVER_ERROR));
        Records applied = localState(session.store());
        SyncState state = syncState(session.store());
        assertThat(applied.size()).as("some pages applied").isPositive().isLessThan(server.size());
        assertThat(applied.size() % PAGE_LIMIT).as("whole pages only").isZero();
        assertThat(state.fullPassInProgress()).isTrue();
        assertThat(state.cursor()).isNotNull();
        fx.clearFaults();
        // The saved cursor is that of the last page stored: what follows it is exactly the rest.
        Set<String> rest = feedAfter(state.cursor());
        assertThat(rest).doesNotContainAnyElementsOf(ids(applied));
        Set<String> all = new HashSet<>(rest);
        all.addAll(ids(applied));
        assertThat(all).isEqualTo(ids(server));

        List<SyncStatus.Syncing> progress = new CopyOnWriteArrayList<>();
        session.sync().addListener(status -> {
            if (status instanceof SyncStatus.Syncing s && s.done() > 0) {
                progress.add(s);
            }
        });
        assertThat(syncNow(session)).isInstanceOf(SyncStatus.Idle.class);

        assertThat(progress).isNotEmpty();
        assertThat(progress.get(0).total()).as("the next pass goes on from the saved cursor")
                .isEqualTo(server.size() - applied.size());
        fx.assertMatchesServer(session, SCALE);
    }
}
