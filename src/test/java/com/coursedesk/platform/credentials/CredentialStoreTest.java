package com.coursedesk.platform.credentials;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CredentialStoreTest {

    @TempDir
    Path dir;

    @Test
    void fileStoreKeepsOneSecretPerAccountAndForgetsOnDelete() {
        CredentialStore store = new UserOnlyFileCredentialStore(dir.resolve("tokens"));
        store.write("acc_1", "rt_one");
        store.write("acc_2", "rt_two");
        store.write("acc_1", "rt_one_rotated");

        assertThat(store.read("acc_1")).contains("rt_one_rotated");
        assertThat(store.read("acc_2")).contains("rt_two");
        store.delete("acc_1");
        assertThat(store.read("acc_1")).isEmpty();
        assertThat(store.read("acc_2")).contains("rt_two");
        assertThat(store.isOperatingSystemStore()).isFalse();
        assertThat(store.description()).contains("no system credential store");
    }

    @Test
    void fileStoreIsReadableOnlyByTheUser() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path tokens = dir.resolve("tokens");
        new UserOnlyFileCredentialStore(tokens).write("acc/../../x", "secret");

        try (var files = Files.list(tokens)) {
            Path file = files.findFirst().orElseThrow();
            assertThat(file.getParent()).isEqualTo(tokens);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens))).isEqualTo("rwx------");
    }

    @Test
    void detectFallsBackToTheFileWhereNoSystemStoreAnswers() {
        CredentialStore store = CredentialStores.detect(dir.resolve("tokens"));
        // Either the machine has a working OS store, or the fallback is used; both must work.
        store.write("acc_probe_test", "value");
        assertThat(store.read("acc_probe_test")).contains("value");
        store.delete("acc_probe_test");
        assertThat(store.read("acc_probe_test")).isEmpty();
    }

    @Test
    void memoryStoreIsolatesAccounts() {
        CredentialStore store = new InMemoryCredentialStore();
        store.write("a", "1");
        assertThat(store.read("b")).isEmpty();
        assertThat(store.read("a")).contains("1");
    }
}
