package com.coursedesk.data.accounts;

import com.coursedesk.domain.KnownAccount;
import com.coursedesk.domain.ServerRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The list of accounts with a local copy: written only when it changes, re-read when the file does. */
class KnownAccountsFileTest {

    @TempDir
    Path dir;

    private static final ServerRef SERVER = ServerRef.ofUrl("https://billing.example.com");

    private static KnownAccount ada(Instant lastSynced) {
        return new KnownAccount("acc_1", "ada@example.com", "Ada", SERVER, lastSynced);
    }

    @Test
    void puttingTheSameEntryAgainLeavesTheFileAlone() throws Exception {
        Path path = dir.resolve("accounts.json");
        KnownAccountsFile file = new KnownAccountsFile(path);
        Instant synced = Instant.parse("2026-11-26T10:44:35Z");
        file.put(ada(synced));
        Object written = Files.readAttributes(path, BasicFileAttributes.class).fileKey();

        file.put(ada(synced));

        // Every write replaces the file atomically (a new file): the same one means no write.
        assertThat(Files.readAttributes(path, BasicFileAttributes.class).fileKey()).isEqualTo(written);
        assertThat(file.list()).containsExactly(ada(synced));

        Instant later = synced.plusSeconds(60);
        file.put(ada(later));
        assertThat(new KnownAccountsFile(path).list()).containsExactly(ada(later));
    }

    @Test
    void aChangeMadeByAnotherInstanceIsSeen() {
        Path path = dir.resolve("accounts.json");
        KnownAccountsFile first = new KnownAccountsFile(path);
        KnownAccountsFile second = new KnownAccountsFile(path);
        Instant synced = Instant.parse("2026-11-26T10:44:35Z");
        first.put(ada(synced));
        assertThat(second.list()).containsExactly(ada(synced));

        second.put(ada(synced.plusSeconds(5)));

        assertThat(first.list()).containsExactly(ada(synced.plusSeconds(5)));
        first.remove(SERVER, "acc_1");
        assertThat(second.list()).isEmpty();
    }

    @Test
    void aDamagedFileIsMovedAsideEvenAfterAGoodRead() throws Exception {
        Path path = dir.resolve("accounts.json");
        KnownAccountsFile file = new KnownAccountsFile(path);
        file.put(ada(null));
        assertThat(file.list()).hasSize(1);

        Files.writeString(path, "{not json", StandardCharsets.UTF_8);

        assertThat(file.list()).isEmpty();
        assertThat(Files.exists(path)).isFalse();
    }

    @Test
    void aFileWrittenByEarlierVersionsIsRead() throws Exception {
        // The shape earlier versions wrote (Gson's pretty printing, the instant left out while
        // null), with a field a later version might add.
        Path path = dir.resolve("accounts.json");
        Files.writeString(path, """
                [
                  {
                    "accountId": "acc_2",
                    "email": "zoe@example.com",
                    "displayName": "Zoë",
                    "server": "demo",
                    "lastSyncedAt": "2026-11-26T10:44:35Z",
                    "avatar": {"size": 3}
                  },
                  {
                    "accountId": "acc_1",
                    "email": "ada@example.com",
                    "displayName": "Ada",
                    "server": "https://billing.example.com"
                  }
                ]
                """, StandardCharsets.UTF_8);

        assertThat(new KnownAccountsFile(path).list()).containsExactly(ada(null),
                new KnownAccount("acc_2", "zoe@example.com", "Zoë", ServerRef.DEMO,
                        Instant.parse("2026-11-26T10:44:35Z")));
    }

    @Test
    void whatIsWrittenReadsBackTheSame() throws Exception {
        Path path = dir.resolve("accounts.json");
        KnownAccount zoe = new KnownAccount("acc_2", "zoe@example.com", "Zoë \"Z\" Ng", ServerRef.DEMO,
                Instant.parse("2026-11-26T10:44:35.123Z"));
        KnownAccountsFile file = new KnownAccountsFile(path);
        file.put(zoe);
        file.put(ada(null));

        assertThat(new KnownAccountsFile(path).list()).containsExactly(ada(null), zoe);
        assertThat(Files.readString(path, StandardCharsets.UTF_8)).doesNotContain("null");
    }

    @Test
    void anEntryWithoutItsAccountMovesTheFileAside() throws Exception {
        Path path = dir.resolve("accounts.json");
        Files.writeString(path, "[{\"email\": \"ada@example.com\", \"displayName\": \"Ada\", \"server\": \"demo\"}]",
                StandardCharsets.UTF_8);

        assertThat(new KnownAccountsFile(path).list()).isEmpty();
        assertThat(Files.exists(path)).isFalse();
    }

    @Test
    void anEmptyFileIsAnEmptyList() throws Exception {
        Path path = dir.resolve("accounts.json");
        Files.writeString(path, "", StandardCharsets.UTF_8);

        assertThat(new KnownAccountsFile(path).list()).isEmpty();
    }
}
