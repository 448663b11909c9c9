package com.coursedesk.sandbox;

import com.coursedesk.contract.ContractHttpClient.Response;
import com.coursedesk.sandbox.SandboxFixture.Snapshot;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static com.coursedesk.sandbox.SandboxFixture.ADA;
import static com.coursedesk.sandbox.SandboxFixture.ADA_ACTIVE_JPY;
import static com.coursedesk.sandbox.SandboxFixture.id;
import static com.coursedesk.sandbox.SandboxFixture.newKey;
import static com.coursedesk.sandbox.SandboxFixture.version;
import static org.assertj.core.api.Assertions.assertThat;

/** Two identical actions with one key, sent at the same moment, act once and get one answer. */
class SandboxConcurrencyTest {

    private static SandboxFixture fx;
    private static ExecutorService pool;

    @BeforeAll
    static void start() {
        fx = SandboxFixture.start();
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
        fx.close();
    }

    @Test
    void twoIdenticalActionsAtOnceActOnceAndAnswerAlike() throws Exception {
        String ada = fx.signIn(ADA);
        Snapshot seeded = fx.fullSync(ada);
        String subId = id(seeded.subscriptionTitled(ADA_ACTIVE_JPY));
        long version = version(seeded.subscriptionTitled(ADA_ACTIVE_JPY));
        String cursor = seeded.cursor();

        // Alternate cancel and restart so every round has a real effect to double.
        for (int round = 0; round < 6; round++) {
            String key = newKey();
            boolean cancel = round % 2 == 0;
            Supplier<Response> action = cancel
                    ? () -> fx.cancel(ada, subId, key, "{\"reason\":\"other\"}")
                    : () -> fx.restart(ada, subId, key);
            List<Response> answers = both(action);

            Response a = answers.get(0);
            Response b = answers.get(1);
            assertThat(a.status()).as("round %d", round).isEqualTo(200);
            assertThat(b.status()).isEqualTo(a.status());
            assertThat(b.body()).isEqualTo(a.body());
            long fresh = answers.stream().filter(r -> r.header("Idempotent-Replayed") == null).count();
            assertThat(fresh).as("exactly one answer is the original, the other a replay").isEqualTo(1);
            assertThat(a.json().get("cancelAtPeriodEnd").getAsBoolean()).isEqualTo(cancel);

            Snapshot delta = fx.syncFrom(ada, cursor);
            JsonObject synced = delta.subscriptions().get(subId);
            assertThat(version(synced)).as("one effect in round %d", round).isEqualTo(version + 1);
            assertThat(delta.purchases()).as("no charge").isEmpty();
            fx.assertHealthy();
            version = version(synced);
            cursor = delta.cursor();
        }
    }

    private static List<Response> both(Supplier<Response> action) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(2);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            futures.add(pool.submit(() -> {
                barrier.await(10, TimeUnit.SECONDS);
                return action.get();
            }));
        }
        List<Response> answers = new ArrayList<>();
        for (Future<Response> f : futures) {
            answers.add(f.get(30, TimeUnit.SECONDS));
        }
        return answers;
    }
}
