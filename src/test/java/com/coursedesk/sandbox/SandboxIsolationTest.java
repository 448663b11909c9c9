package com.coursedesk.sandbox;

import com.coursedesk.contract.ContractHttpClient.Response;
import com.coursedesk.sandbox.SandboxFixture.Snapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static com.coursedesk.sandbox.SandboxFixture.ADA;
import static com.coursedesk.sandbox.SandboxFixture.EVE;
import static org.assertj.core.api.Assertions.assertThat;

/** One account never sees or touches another's records. */
class SandboxIsolationTest {

    private static SandboxFixture fx;
    private static String ada;
    private static String eve;
    private static Snapshot adas;

    @BeforeAll
    static void start() {
        fx = SandboxFixture.start();
        ada = fx.signIn(ADA);
        eve = fx.signIn(EVE);
        adas = fx.fullSync(ada);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @AfterEach
    void stillHealthy() {
        fx.assertHealthy();
    }

    @Test
    void eveCannotActOnAdasRecords() {
        for (String subId : adas.subscriptions().keySet()) {
            for (Response r : new Response[] {fx.cancel(eve, subId), fx.restart(eve, subId)}) {
                assertThat(r.status()).as(subId).isEqualTo(404);
                assertThat(r.problemCode()).isEqualTo("not_found");
            }
        }
        for (String purchaseId : adas.purchases().keySet()) {
            Response r = fx.refund(eve, purchaseId);
            assertThat(r.status()).as(purchaseId).isEqualTo(404);
            assertThat(r.problemCode()).isEqualTo("not_found");
        }
        // Nothing of Ada's changed.
        assertThat(fx.syncFrom(ada, adas.cursor()).isEmpty()).isTrue();
    }

    @Test
    void evesSyncHoldsNoneOfAdasRecords() {
        Snapshot eves = fx.fullSync(eve);
        assertThat(eves.purchases()).isNotEmpty();
        assertThat(eves.subscriptions()).isNotEmpty();
        Set<String> adaIds = new HashSet<>(adas.purchases().keySet());
        adaIds.addAll(adas.subscriptions().keySet());
        assertThat(eves.purchases().keySet()).doesNotContainAnyElementsOf(adaIds);
        assertThat(eves.subscriptions().keySet()).doesNotContainAnyElementsOf(adaIds);
        assertThat(eves.purchases().values())
                .allSatisfy(p -> assertThat(p.getAsJsonObject("paymentMethod").get("type").getAsString())
                        .isEqualTo("paypal"));
        assertThat(fx.get("/v1/me", eve).json().get("email").getAsString()).isEqualTo(EVE);
    }

    @Test
    void adasCursorIsRefusedForEve() {
        Response r = fx.get("/v1/sync?cursor=" + adas.cursor(), eve);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.problemCode()).isEqualTo("invalid_request");
    }
}
