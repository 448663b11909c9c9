package com.coursedesk.data.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountStorePathsTest {

    private static final String SAFE = "[a-z0-9_-]+";

    @Test
    void theFolderIsAReadableSlugPlusAHash() {
        String name = AccountStorePaths.directoryName("acc_7F3a");
        assertThat(name).matches("acc_7f3a-[0-9a-f]{32}");
    }

    @Test
    void unsafeIdsBecomeSafeNamesThatFitOnEveryFileSystem(@TempDir Path dir) throws IOException {
        String longId = "x".repeat(64);
        List<String> ids = List.of("../../etc/passwd", "C:\\Windows", "con", "a/b", "acc:1?*|<>\"", "  ",
                "学習者", "NUL", longId);
        for (String id : ids) {
            String name = AccountStorePaths.directoryName(id);
            assertThat(name).matches(SAFE).hasSizeLessThanOrEqualTo(32 + 1 + 32);
            Path file = AccountStorePaths.storeFile(dir, id);
            assertThat(file.getParent().getParent()).isEqualTo(dir);
            Files.createDirectories(file.getParent());
        }
        assertThat(AccountStorePaths.directoryName("学習者")).startsWith("account-");
        assertThat(AccountStorePaths.storeFile(dir, "acc_1").getFileName().toString()).isEqualTo("store.db");
    }

    @Test
    void differentIdsNeverShareAFolderEvenIgnoringCase() {
        List<String> ids = List.of("acc_A", "acc_a", "acc a", "acc_a ", "acc/a", "acc\\a", "acc:a", "acc_á",
                "x".repeat(64), "x".repeat(63) + "y", "x".repeat(40));
        Set<String> folded = new HashSet<>();
        for (String id : ids) {
            folded.add(AccountStorePaths.directoryName(id).toLowerCase(Locale.ROOT));
        }
        assertThat(folded).hasSize(ids.size());
        assertThat(AccountStorePaths.directoryName("acc_a")).isEqualTo(AccountStorePaths.directoryName("acc_a"));
    }

    @Test
    void anEmptyIdIsRefused() {
        assertThatThrownBy(() -> AccountStorePaths.directoryName("")).isInstanceOf(IllegalArgumentException.class);
    }
}
