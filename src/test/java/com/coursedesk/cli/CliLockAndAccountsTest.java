package com.coursedesk.cli;

import com.coursedesk.platform.InstanceLock;
import com.coursedesk.sandbox.SandboxOptions;
import com.coursedesk.sandbox.SandboxServer;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.coursedesk.cli.CliSandboxTest.ADA;
import static com.coursedesk.cli.CliSandboxTest.ADA_PASSWORD;
import static com.coursedesk.cli.CliSandboxTest.EVE;
import static com.coursedesk.cli.CliSandboxTest.EVE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data folder's lock (a running app or another command: exit 6, nothing touched, reads
 * still work) and two accounts on one computer (each command sees one account only).
 */
class CliLockAndAccountsTest {

    @TempDir
    Path dataDir;

    private SandboxServer sandbox;
    private CliRunner cli;

    @BeforeEach
    void start() throws IOException {
        sandbox = SandboxServer.start(SandboxOptions.forTests());
        cli = new CliRunner(dataDir);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void whileAnotherCourseDeskHoldsTheDataFolderWritingCommandsExitSixAndTouchNothing() throws IOException {
        CliSandboxTest.login(cli, sandbox.baseUri().toString(), ADA, ADA_PASSWORD);
        assertThat(cli.run("sync").code()).isZero();
        String accountsBefore = Files.readString(dataDir.resolve("accounts.json"));
        String historyBefore = cli.run("history", "--format", "json").out();

        InstanceLock.Result held = InstanceLock.tryAcquire(cli.directories().lockFile());
        assertThat(held).isInstanceOf(InstanceLock.Acquired.class);
        try (InstanceLock lock = ((InstanceLock.Acquired) held).lock()) {
            for (String[] command : List.of(new String[] {"sync"}, new String[] {"logout"}, new String[] {"forget"},
                    new String[] {"cancel", "sub_x"}, new String[] {"restart", "sub_x"},
                    new String[] {"refund", "pur_x", "--reason", "r"})) {
                CliRunner.Result result = cli.run(command);
                assertThat(result.code()).as(String.join(" ", command)).isEqualTo(ExitCode.LOCKED);
                assertThat(result.err()).startsWith("CourseDesk is already running;")
                        .contains("nothing was changed");
                assertThat(result.out()).isEmpty();
            }
            CliRunner.Result login = cli.runWithInput(EVE_PASSWORD + "\n", "login", "--server",
                    sandbox.baseUri().toString(), "--email", EVE, "--password-stdin");
            assertThat(login.code()).isEqualTo(ExitCode.LOCKED);

            // Reading goes on beside the holder, and says who holds the folder.
            CliRunner.Result status = cli.run("status");
            assertThat(status.code()).isZero();
            assertThat(status.out()).contains("running (pid " + ProcessHandle.current().pid() + ")")
                    .contains("ada@example.com").doesNotContain("eve@example.com");
            assertThat(cli.run("purchases").out()).contains("Introduction to Psychology");
            assertThat(lock.isHeld()).as("the holder keeps its lock").isTrue();
        }
        assertThat(Files.readString(dataDir.resolve("accounts.json"))).isEqualTo(accountsBefore);
        assertThat(cli.run("history", "--format", "json").out()).isEqualTo(historyBefore);
        assertThat(cli.run("sync").code()).as("free again once the holder has gone").isZero();
    }

    @Test
    void withTwoAccountsEachCommandShowsOnlyTheChosenOne() {
        String server = sandbox.baseUri().toString();
        CliSandboxTest.login(cli, server, ADA, ADA_PASSWORD);
        CliSandboxTest.login(cli, server, EVE, EVE_PASSWORD);

        CliRunner.Result unchosen = cli.run("sync");
        assertThat(unchosen.code()).isEqualTo(ExitCode.USAGE);
        assertThat(unchosen.err()).contains("Several accounts", "ada@example.com", "eve@example.com");
        assertThat(cli.run("sync", "--account", ADA).code()).isZero();
        assertThat(cli.run("sync", "--account", EVE).code()).isZero();
        CliRunner.Result nobody = cli.run("purchases", "--account", "bob@example.com");
        assertThat(nobody.code()).isEqualTo(ExitCode.SIGNED_OUT);
        assertThat(nobody.err()).contains("No account bob@example.com on this computer");

        List<String> adaIds = ids(cli.run("purchases", "--account", ADA, "--format", "json").out());
        adaIds.addAll(ids(cli.run("subscriptions", "--account", ADA, "--format", "json").out()));
        assertThat(adaIds).hasSizeGreaterThan(50);

        List<String> eveOutputs = new ArrayList<>();
        for (String format : List.of("table", "csv", "json")) {
            eveOutputs.add(cli.run("purchases", "--account", EVE, "--format", format).all());
            eveOutputs.add(cli.run("subscriptions", "--account", EVE, "--format", format).all());
            eveOutputs.add(cli.run("history", "--account", EVE, "--format", format).all());
        }
        String eve = String.join("\n", eveOutputs);
        assertThat(eve).contains("Einführung in die Psychologie", "Coursera Plus", "€59.00");
        assertThat(eve).doesNotContain("Introduction to Psychology", "機械学習入門");
        for (String id : adaIds) {
            assertThat(eve).as("Eve's output holds Ada's record " + id).doesNotContain(id);
        }
        CliRunner.Result eveCancel = cli.run("cancel", adaIds.get(adaIds.size() - 1), "--account", EVE);
        assertThat(eveCancel.code()).as("Ada's subscription is not in Eve's copy").isEqualTo(ExitCode.USAGE);
        assertThat(eveCancel.err()).contains("There is no subscription");
    }

    private static List<String> ids(String json) {
        List<String> ids = new ArrayList<>();
        for (JsonElement e : JsonParser.parseString(json).getAsJsonArray()) {
            ids.add(e.getAsJsonObject().get("id").getAsString());
        }
        return ids;
    }
}
