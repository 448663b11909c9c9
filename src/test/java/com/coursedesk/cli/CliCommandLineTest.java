package com.coursedesk.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line's grammar, usage and dispatch: no server needed. */
class CliCommandLineTest {

    @TempDir
    Path dataDir;

    @Test
    void mainDispatchesCommandWordsToTheCommandLineAndEverythingElseToTheWindow() {
        assertThat(Cli.isCommandLine(new String[] {"status"})).isTrue();
        assertThat(Cli.isCommandLine(new String[] {"cli", "status"})).isTrue();
        assertThat(Cli.isCommandLine(new String[] {"--data-dir", "/tmp/x", "sync"})).isTrue();
        assertThat(Cli.isCommandLine(new String[] {"--data-dir=/tmp/x", "purchases"})).isTrue();
        assertThat(Cli.isCommandLine(new String[] {"--help"})).isTrue();
        assertThat(Cli.isCommandLine(new String[] {"frobnicate"})).as("an unknown word gets the CLI's message")
                .isTrue();
        assertThat(Cli.isCommandLine(new String[] {})).isFalse();
        assertThat(Cli.isCommandLine(new String[] {"--data-dir", "/tmp/x"})).isFalse();
        assertThat(Cli.isCommandLine(new String[] {"--some-javafx-flag"})).isFalse();
    }

    @Test
    void helpPrintsTheUsageAndEveryCommandHasItsOwn() {
        CliRunner cli = new CliRunner(dataDir);
        CliRunner.Result general = cli.runExactly("", "--help");
        assertThat(general.code()).isZero();
        assertThat(general.out()).contains("Usage: coursedesk [cli] COMMAND", "login --server demo|URL",
                "refund PURCHASE_ID --reason TEXT", "Exit codes:");
        assertThat(cli.runExactly("", "help").out()).isEqualTo(general.out());

        CliRunner.Result login = cli.runExactly("", "login", "--help");
        assertThat(login.code()).isZero();
        assertThat(login.out()).contains("Usage: coursedesk login", "--password-stdin", "COURSEDESK_PASSWORD");
        assertThat(cli.runExactly("", "help", "purchases").out()).contains("Usage: coursedesk purchases", "--year");
        assertThat(cli.runExactly("", "cli", "cancel", "--help").out()).contains("Usage: coursedesk cancel",
                "too_expensive");
        assertThat(Files.exists(dataDir.resolve("accounts.json"))).isFalse();
    }

    @Test
    void anUnknownCommandOrOptionIsAUsageErrorWithTheUsage() {
        CliRunner cli = new CliRunner(dataDir);
        CliRunner.Result unknown = cli.run("frobnicate");
        assertThat(unknown.code()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err()).contains("frobnicate: unknown command.", "Usage: coursedesk [cli] COMMAND");
        assertThat(unknown.out()).isEmpty();

        CliRunner.Result badOption = cli.run("purchases", "--colour", "red");
        assertThat(badOption.code()).isEqualTo(ExitCode.USAGE);
        assertThat(badOption.err()).contains("--colour: unknown option.", "Usage: coursedesk purchases");

        CliRunner.Result notHere = cli.run("status", "--year", "2026");
        assertThat(notHere.code()).isEqualTo(ExitCode.USAGE);
        assertThat(notHere.err()).contains("--year does not apply to status.", "Usage: coursedesk status");

        CliRunner.Result noValue = cli.runExactly("", "purchases", "--data-dir", dataDir.toString(), "--year");
        assertThat(noValue.code()).isEqualTo(ExitCode.USAGE);
        assertThat(noValue.err()).contains("--year needs a value.");

        CliRunner.Result noId = cli.run("cancel");
        assertThat(noId.code()).isEqualTo(ExitCode.USAGE);
        assertThat(noId.err()).contains("cancel needs the id");

        CliRunner.Result extra = cli.run("restart", "sub_1", "sub_2");
        assertThat(extra.code()).isEqualTo(ExitCode.USAGE);
        assertThat(extra.err()).contains("Unexpected argument: sub_2");

        CliRunner.Result nothing = cli.runExactly("", "cli");
        assertThat(nothing.code()).isEqualTo(ExitCode.USAGE);
        assertThat(nothing.err()).contains("Usage: coursedesk [cli] COMMAND");
    }

    @Test
    void statusWithNoAccountSaysWhereDataAndSignInsLiveAndHowToStart() {
        CliRunner.Result status = new CliRunner(dataDir).run("status");
        assertThat(status.code()).isZero();
        assertThat(status.out()).contains("Data folder:", dataDir.toString())
                .contains("Sign-ins kept in:", "a fallback: file readable only by you",
                        "no system credential store was available")
                .contains("CourseDesk app:", "not running")
                .contains("Times shown in:", "British Time (Europe/London)")
                .contains("No account on this computer yet", "coursedesk login --server demo");
    }

    @Test
    void commandsForAnAccountNeedOneToBeSignedIn() {
        CliRunner.Result purchases = new CliRunner(dataDir).run("purchases");
        assertThat(purchases.code()).isEqualTo(ExitCode.SIGNED_OUT);
        assertThat(purchases.err()).contains("No account on this computer yet");
    }

    @Test
    void loginRefusesAMissingServerEmailOrPasswordWithoutAsking() {
        CliRunner cli = new CliRunner(dataDir);
        assertThat(cli.run("login", "--email", "ada@example.com").err()).contains("--server demo");
        CliRunner.Result noEmail = cli.run("login", "--server", "demo");
        assertThat(noEmail.code()).isEqualTo(ExitCode.USAGE);
        assertThat(noEmail.err()).contains("--email");

        // No terminal, nothing on standard input, no variable: it says how to give the password.
        CliRunner.Result noPassword = cli.run("login", "--server", "demo", "--email", "ada@example.com");
        assertThat(noPassword.code()).isEqualTo(ExitCode.USAGE);
        assertThat(noPassword.err()).contains("--password-stdin", "COURSEDESK_PASSWORD",
                "never taken as an argument");

        CliRunner.Result emptyStdin = cli.runWithInput("\n", "login", "--server", "demo", "--email",
                "ada@example.com", "--password-stdin");
        assertThat(emptyStdin.code()).isEqualTo(ExitCode.USAGE);
        assertThat(emptyStdin.err()).contains("The password is empty.");

        CliRunner.Result plainHttp = cli.runWithInput("secret\n", "login", "--server", "http://billing.example.com",
                "--email", "ada@example.com", "--password-stdin");
        assertThat(plainHttp.code()).isEqualTo(ExitCode.USAGE);
        assertThat(plainHttp.err()).contains("http://billing.example.com cannot be used");
        assertThat(Files.exists(dataDir.resolve("accounts.json"))).isFalse();
    }

    @Test
    void filterValuesAreCheckedAgainstTheContractsValues() {
        CliRunner cli = new CliRunner(dataDir);
        CliRunner.Result badStatus = cli.run("purchases", "--status", "paid,lost");
        assertThat(badStatus.code()).isEqualTo(ExitCode.USAGE);
        assertThat(badStatus.err()).contains("--status lost: not a known value", "paid, pending, failed, refunded");
        assertThat(cli.run("purchases", "--year", "26").err()).contains("26 is not a year");
        assertThat(cli.run("purchases", "--format", "xml").err()).contains("csv, json, table");
        assertThat(cli.run("status", "--format", "csv").err()).contains("json, table");
    }
}
