package com.coursedesk.service.sync;

import com.coursedesk.platform.credentials.UserOnlyFileCredentialStore;
import com.coursedesk.service.ServiceFixture;
import com.coursedesk.service.actions.ActionService;
import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.service.auth.SignInService;
import com.coursedesk.domain.ServerRef;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;

/**
 * The app in a process of its own, for {@link SyncCrashTest} to kill: signs in, then syncs,
 * printing one {@code PAGE <done> <total>} line on standard output after each page is applied.
 *
 * <p>Arguments: sandbox URL, data directory, email, password, page limit.
 */
public final class SyncCrashChild {

    private SyncCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        URI server = URI.create(args[0]);
        Path dataDir = Path.of(args[1]);
        String email = args[2];
        char[] password = args[3].toCharArray();
        int pageLimit = Integer.parseInt(args[4]);
        SignInService service = ServiceFixture.signInService(
                ref -> ServiceFixture.client(server, ServiceFixture.FAST_RETRIES, new ArrayList<>()),
                new UserOnlyFileCredentialStore(dataDir.resolve("credentials")), dataDir,
                ActionService.randomKeys(), pageLimit);
        AccountSession session = service.signIn(ServerRef.ofUrl(server.toString()), email, password);
        System.out.println("SIGNED-IN " + session.account().accountId());
        System.out.flush();
        session.sync().addListener(status -> {
            if (status instanceof SyncStatus.Syncing s && s.done() > 0) {
                System.out.println("PAGE " + s.done() + " " + s.total());
                System.out.flush();
            }
        });
        SyncStatus end = session.sync().syncNow().get();
        System.out.println("DONE " + end);
        System.out.flush();
        session.close();
    }
}
