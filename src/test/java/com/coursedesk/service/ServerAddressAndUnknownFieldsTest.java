package com.coursedesk.service;

import com.coursedesk.data.api.BillingApiClient;
import com.coursedesk.data.db.ActionRecord;
import com.coursedesk.data.db.ActionState;
import com.coursedesk.domain.ServerRef;
import com.coursedesk.domain.Subscription;
import com.coursedesk.platform.credentials.InMemoryCredentialStore;
import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.service.auth.SignInService;
import com.coursedesk.service.sync.SyncStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;

import static com.coursedesk.service.ServiceFixture.ADA;
import static com.coursedesk.service.ServiceFixture.localState;
import static com.coursedesk.service.ServiceFixture.syncNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plain http only to this computer; fields the client does not know are ignored. */
class ServerAddressAndUnknownFieldsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"http://billing.example.com", "http://10.0.0.7:8787", "http://192.168.1.20",
            "http://127.0.0.1.example.com", "http://localhost.example.com", "http://[2001:db8::1]:8080"})
    void plainHttpToAHostOtherThanLoopbackIsRefused(String url) {
        assertThatThrownBy(() -> ServerRef.ofUrl(url)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BillingApiClient.builder(URI.create(url))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://billing.example.com", "http://localhost:8787", "http://127.0.0.1:8787",
            "http://127.1.2.3:9", "http://[::1]:8787"})
    void httpsAnywhereAndPlainHttpToLoopbackAreAccepted(String url) {
        assertThat(ServerRef.ofUrl(url + "/").value()).isEqualTo(url);
        assertThat(BillingApiClient.builder(URI.create(url)).build().baseUri()).isEqualTo(URI.create(url));
    }

    @Test
    void unknownFieldsInEveryAnswerAreIgnoredBySignInSyncAndActions() throws Exception {
        try (ServiceFixture fx = ServiceFixture.start(dir);
             FieldAddingProxy proxy = new FieldAddingProxy(fx.baseUri())) {
            SignInService service = fx.newSignInService(
                    server -> ServiceFixture.client(proxy.baseUri(), ServiceFixture.FAST_RETRIES, new ArrayList<>()),
                    new InMemoryCredentialStore(), ServiceFixture.PAGE_LIMIT);
            AccountSession session = fx.track(service.signIn(ServerRef.ofUrl(proxy.baseUri().toString()), ADA,
                    ServiceFixture.password(ADA).toCharArray()));

            assertThat(syncNow(session)).isInstanceOf(SyncStatus.Idle.class);
            fx.assertMatchesServer(session, ADA);

            Subscription target = localState(session.store()).subscriptions().values().stream()
                    .filter(Subscription::isCancelable).findFirst().orElseThrow();
            long id = session.actions().cancel(target.id(), null, null);
            assertThat(syncNow(session)).isInstanceOf(SyncStatus.Idle.class);
            ActionRecord action = session.actions().history().stream().filter(a -> a.id() == id).findFirst()
                    .orElseThrow();
            assertThat(action.state()).isEqualTo(ActionState.CONFIRMED);
            fx.assertMatchesServer(session, ADA);
            assertThat(proxy.rewritten()).as("answers that carried extra fields").isGreaterThan(3);
        }
    }
}
