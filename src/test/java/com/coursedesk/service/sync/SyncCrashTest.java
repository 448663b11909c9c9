package com.coursedesk.service.sync;

import com.coursedesk.data.api.SyncPage;
import com.coursedesk.data.db.AccountStorePaths;
import com.coursedesk.data.db.RecordType;
import com.coursedesk.data.db.SyncState;
import com.coursedesk.data.db.SyncStateDao;
import com.coursedesk.domain.KnownAccount;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.Subscription;
import com.coursedesk.service.ServiceFixture;
import com.coursedesk.service.ServiceFixture.Records;
import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.service.auth.SignInService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static com.coursedesk.service.ServiceFixture.PAGE_LIMIT;
import static com.coursedesk.service.ServiceFixture.SCALE;
import static com.coursedesk.service.ServiceFixture.localState;
import static com.coursedesk.service.ServiceFixture.syncNow;
import static com.coursedesk.service.ServiceFixture.syncState;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sync killed at a random page, as a crash or a power cut would stop it: the app runs in a
 * child JVM ({@link SyncCrashChild}) and is killed with no chance to clean up. The store then
 * holds exactly the pages applied so far, and the next sync completes it.
 */
class SyncCrashTest {

    private static final String EOF = "<eof>";

    @TempDir
    Path dir;

    private ServiceFixture fx;
    private Process child;

    @AfterEach
    void stop() throws InterruptedException {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void aSyncKilledAtARandomPageKeepsExactlyTheAppliedPagesAndTheNextSyncCompletesIt() throws Exception {
        fx = ServiceFixture.start(dir);
        // Slow pages, so the kill lands in the middle of the pass.
        fx.faults("{\"pathPrefix\":\"/v1/sync\",\"delayMillis\":150}");
        int killAfterPages = 1 + ThreadLocalRandom.current().nextInt(3);
        Path stderr = dir.resolve("child-stderr.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SyncCrashChild.class.getName(),
                fx.baseUri().toString(), fx.dataDir().toString(), SCALE, ServiceFixture.password(SCALE),
                Integer.toString(PAGE_LIMIT))
                .redirectError(stderr.toFile())
                .start();
        BlockingQueue<String> lines = readLines(child);

        String accountId = null;
        int pagesSeen = 0;
        while (pagesSeen < killAfterPages) {
            String line = lines.poll(60, TimeUnit.SECONDS);
            assertThat(line).as("child output (stderr: %s)", tail(stderr)).isNotNull().isNotEqualTo(EOF);
            assertThat(line).as("the child must not finish first").doesNotStartWith("DONE");
            if (line.startsWith("SIGNED-IN ")) {
                accountId = line.substring("SIGNED-IN ".length()).trim();
            } else if (line.startsWith("PAGE ")) {
                pagesSeen++;
            }
        }
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(accountId).isNotNull();

        Path storeFile = AccountStorePaths.storeFile(fx.dataDir().resolve("accounts"), accountId);
        assertThat(ServiceFixture.integrityCheck(storeFile)).isEqualTo("ok");

        // The app starts again.
        SignInService service = fx.newSignInService(fx.fileCredentials());
        KnownAccount known = service.knownAccounts().stream().filter(a -> a.email().equals(SCALE)).findFirst()
                .orElseThrow();
        AccountSession session = fx.track(service.open(known));
        assertThat(session.storeWasRecovered()).isFalse();

        Records local = localState(session.store());
        SyncState state = syncState(session.store());
        assertThat(state.fullPassInProgress()).as("the interrupted first pass is still open").isTrue();
        assertThat(state.cursor()).as("the cursor of the last applied page").isNotNull();

        List<SyncPage> pages = fx.serverPages(SCALE, PAGE_LIMIT);
        int applied = appliedPrefix(pages, local);
        assertThat(applied).as("the store holds a whole number of pages, at least those reported")
                .isGreaterThanOrEqualTo(killAfterPages);
        assertThat(applied).as("the kill came before the last page").isLessThan(pages.size());
        assertThat(local.size()).isEqualTo(applied * PAGE_LIMIT);
        // The first pass into an empty store is a bulk load: nothing local can be stale, so it
        // keeps no seen set (its end removes nothing), and its indexes wait for its end.
        SyncStateDao dao = new SyncStateDao();
        assertThat(session.store().read(SyncStateDao::isBulkLoad)).as("a bulk load, still open").isTrue();
        List<String> seenPurchases = session.store().read(c -> dao.seenIds(c, RecordType.PURCHASE));
        assertThat(seenPurchases).isEmpty();

        SyncStatus end = syncNow(session);

        assertThat(end).isInstanceOf(SyncStatus.Idle.class);
        fx.assertMatchesServer(session, SCALE);
        assertThat(syncState(session.store()).fullPassInProgress()).isFalse();
        assertThat(session.store().read(SyncStateDao::isBulkLoad)).as("the bulk load ended").isFalse();
    }

    /**
     * How many leading pages of the server's feed the local copy is made of, exactly and field
     * by field; fails if it is no such prefix.
     */
    private static int appliedPrefix(List<SyncPage> pages, Records local) {
        Map<String, Purchase> purchases = new TreeMap<>();
        Map<String, Subscription> subscriptions = new TreeMap<>();
        for (int k = 0; k <= pages.size(); k++) {
            if (purchases.keySet().equals(local.purchases().keySet())
                    && subscriptions.keySet().equals(local.subscriptions().keySet())) {
                ServiceFixture.assertEqual(local, new Records(purchases, subscriptions));
                return k;
            }
            if (k < pages.size()) {
                pages.get(k).purchases().forEach(p -> purchases.put(p.id(), p));
                pages.get(k).subscriptions().forEach(s -> subscriptions.put(s.id(), s));
            }
        }
        throw new AssertionError("the local copy (" + local.size() + " records) is not a whole number of pages");
    }

    private static BlockingQueue<String> readLines(Process process) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // The process was killed; its output ends here.
            }
            lines.add(EOF);
        }, "crash-child-stdout");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static String tail(Path file) {
        try {
            List<String> all = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : new ArrayList<>();
            return String.join("\n", all.subList(Math.max(0, all.size() - 30), all.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
