package com.coursedesk.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in demo: the embedded sandbox, started by the core, kept in the data folder. */
class CliDemoTest {

    @TempDir
    Path dataDir;

    @Test
    void signsInToTheDemoAndSyncsInALaterRun() {
        CliRunner cli = new CliRunner(dataDir);
        CliRunner.Result login = cli.runWithInput("learn-kenji-2026\n", "login", "--server", "demo", "--email",
                "kenji@example.jp", "--password-stdin");
        assertThat(login.code()).as(login.toString()).isZero();
        assertThat(login.out()).contains("kenji@example.jp", "on the demo server (built into CourseDesk)");
        assertThat(Files.exists(dataDir.resolve("demo-sandbox").resolve("sandbox.db"))).isTrue();

        // A later run starts the demo again on another port; the saved session still works.
        CliRunner.Result sync = cli.run("sync");
        assertThat(sync.code()).as(sync.toString()).isZero();
        assertThat(sync.out()).contains("Up to date as of");

        CliRunner.Result purchases = cli.run("purchases", "--search", "Python入門");
        assertThat(purchases.out()).contains("Python入門", "JP¥3,900").doesNotContain("JP¥3,900.00");
        assertThat(cli.run("status").out()).contains("the demo server (built into CourseDesk)");
    }
}
