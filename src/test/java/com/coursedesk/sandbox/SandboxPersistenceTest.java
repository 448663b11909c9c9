package com.coursedesk.sandbox;

import com.coursedesk.sandbox.SandboxFixture.Snapshot;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static com.coursedesk.sandbox.SandboxFixture.ADA;
import static com.coursedesk.sandbox.SandboxFixture.ADA_ACTIVE_JPY;
import static com.coursedesk.sandbox.SandboxFixture.id;
import static com.coursedesk.sandbox.SandboxFixture.version;
import static org.assertj.core.api.Assertions.assertThat;

/** A sandbox restarted on its data file carries on where it stopped. */
class SandboxPersistenceTest {

    @TempDir
    Path dir;

    @Test
    void aRestartKeepsActionsTheClockAndTheSeed() {
        Path data = dir.resolve("sandbox.db");
        SandboxOptions options = SandboxOptions.forTests().withDataFile(data);
        String jpyId;
        long canceledVersion;
        Instant movedTo;
        Snapshot first;
        try (SandboxFixture fx = SandboxFixture.start(options)) {
            String ada = fx.signIn(ADA);
            first = fx.fullSync(ada);
            JsonObject jpy = first.subscriptionTitled(ADA_ACTIVE_JPY);
            jpyId = id(jpy);
            JsonObject canceled = fx.cancel(ada, jpyId).json();
            canceledVersion = version(canceled);
            fx.advanceDays(10);
            movedTo = fx.now();
        }
        assertThat(Files.exists(data)).as("a named data file is kept on close").isTrue();

        try (SandboxFixture fx = SandboxFixture.start(options)) {
            assertThat(fx.now()).as("the clock offset survives")
                    .isAfterOrEqualTo(movedTo).isBefore(movedTo.plus(Duration.ofMinutes(5)));
            String ada = fx.signIn(ADA);
            Snapshot again = fx.fullSync(ada);
            JsonObject jpy = again.subscriptions().get(jpyId);
            assertThat(jpy).as("the same records, not a fresh seed").isNotNull();
            assertThat(jpy.get("cancelAtPeriodEnd").getAsBoolean()).isTrue();
            assertThat(version(jpy)).isEqualTo(canceledVersion);
            assertThat(again.purchases().keySet()).containsAll(first.purchases().keySet());
            assertThat(again.subscriptions().keySet()).isEqualTo(first.subscriptions().keySet());
            // A second cancel is refused: the state is really the stored one.
            assertThat(fx.cancel(ada, jpyId).problemCode()).isEqualTo("not_cancelable");
        }
    }

    @Test
    void aTemporarySandboxDeletesItsFileOnClose() {
        Path file;
        try (SandboxFixture fx = SandboxFixture.start()) {
            file = fx.server().dataFile();
            assertThat(Files.exists(file)).isTrue();
        }
        assertThat(Files.exists(file)).isFalse();
    }
}
