package com.coursedesk.service.auth;

import com.coursedesk.data.db.AccountStorePaths;
import com.coursedesk.domain.KnownAccount;
import com.coursedesk.platform.credentials.InMemoryCredentialStore;
import com.coursedesk.service.ServiceFixture;
import com.coursedesk.service.ServiceFixture.Records;
import com.coursedesk.service.actions.ActionNotAllowedException;
import com.coursedesk.service.sync.SyncStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static com.coursedesk.service.ServiceFixture.ADA;
import static com.coursedesk.service.ServiceFixture.EVE;
import static com.coursedesk.service.ServiceFixture.localState;
import static com.coursedesk.service.ServiceFixture.syncNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** One store per account on one computer; a damaged store is moved aside and rebuilt. */
class AccountStoresTest {

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

    private static Set<String> ids(Records records) {
        Set<String> ids = new HashSet<>(records.purchases().keySet());
        ids.addAll(records.subscriptions().keySet());
        return ids;
    }

    @Test
    void twoAccountsOnOneComputerNeverSeeEachOthersRecords() {
        AccountSession ada = fx.signIn(service, ADA);
        AccountSession eve = fx.signIn(service, EVE);

        assertThat(syncNow(ada)).isInstanceOf(SyncStatus.Idle.class);
        assertThat(syncNow(eve)).isInstanceOf(SyncStatus.Idle.class);

        Records adaServer = fx.assertMatchesServer(ada, ADA);
        Records eveServer = fx.assertMatchesServer(eve, EVE);
        Set<String> adaIds = ids(localState(ada.store()));
        Set<String> eveIds = ids(localState(eve.store()));
        assertThat(adaIds).isEqualTo(ids(adaServer));
        assertThat(eveIds).isEqualTo(ids(eveServer)).isNotEmpty().doesNotContainAnyElementsOf(adaIds);
        assertThat(ada.store().file()).isNotEqualTo(eve.store().file());
        assertThat(ada.store().file().getParent()).isNotEqualTo(eve.store().file().getParent());
        assertThat(ada.store().file()).isEqualTo(
                AccountStorePaths.storeFile(fx.dataDir().resolve("accounts"), ada.account().accountId())
                        .toAbsolutePath().normalize());
        assertThat(service.knownAccounts()).extracting(KnownAccount::email).containsExactly(ADA, EVE);
        assertThat(service.knownAccounts()).allSatisfy(a -> assertThat(a.lastSyncedAt()).isNotNull());

        // Eve's session cannot act on Ada's records: it does not even find them.
        String adasSubscription = localState(ada.store()).subscriptions().keySet().iterator().next();
        String adasPurchase = localState(ada.store()).purchases().keySet().iterator().next();
        assertThat(catchThrowableOfType(ActionNotAllowedException.class,
                () -> eve.actions().cancel(adasSubscription, null, null)).reason())
                .isEqualTo(ActionNotAllowedException.Reason.NOT_FOUND);
        assertThat(catchThrowableOfType(ActionNotAllowedException.class,
                () -> eve.actions().requestRefund(adasPurchase, "not mine")).reason())
                .isEqualTo(ActionNotAllowedException.Reason.NOT_FOUND);
        assertThat(eve.actions().history()).isEmpty();

        // Reopened later from the account list, each opens its own store.
        ada.close();
        eve.close();
        SignInService later = fx.newSignInService(new InMemoryCredentialStore());
        for (KnownAccount account : later.knownAccounts()) {
            AccountSession session = fx.track(later.open(account));
            Set<String> expected = account.email().equals(ADA) ? adaIds : eveIds;
            assertThat(ids(localState(session.store()))).as(account.email()).isEqualTo(expected);
        }
    }

    @Test
    void aDamagedStoreIsMovedAsideAndRebuiltByAFullSync() throws Exception {
        AccountSession session = fx.signIn(service, ADA);
        assertThat(syncNow(session)).isInstanceOf(SyncStatus.Idle.class);
        Path storeFile = session.store().file();
        KnownAccount known = service.knownAccounts().get(0);
        session.close();
        byte[] garbage = new byte[64 * 1024];
        new Random(42).nextBytes(garbage);
        Files.write(storeFile, garbage);

        AccountSession reopened = fx.track(service.open(known));

        assertThat(reopened.storeWasRecovered()).isTrue();
        Path aside = reopened.openResult().movedAsideTo();
        assertThat(aside).exists().isNotEqualTo(storeFile);
        assertThat(Files.readAllBytes(aside)).as("the damaged file is kept as it was").isEqualTo(garbage);
        assertThat(aside.getParent()).isEqualTo(storeFile.getParent());
        assertThat(reopened.openResult().damage()).isNotBlank();
        assertThat(localState(reopened.store()).size()).as("a fresh, empty store").isZero();

        assertThat(syncNow(reopened)).isInstanceOf(SyncStatus.Idle.class);

        fx.assertMatchesServer(reopened, ADA);
        assertThat(ServiceFixture.integrityCheck(storeFile)).isEqualTo("ok");
    }
}
