package com.coursedesk.sandbox;

import com.coursedesk.contract.ContractHttpClient;
import com.coursedesk.contract.ContractHttpClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code coursedesk sandbox ...} as its own process. */
class SandboxStandaloneTest {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path dir;

    @Test
    void startsPrintsItsAddressServesAndStopsOnSigterm() throws Exception {
        Path err = dir.resolve("stderr.txt");
        Process process = command("sandbox", "--port", "0", "--data", dir.resolve("sandbox.db").toString(), "--dev")
                .redirectError(err.toFile())
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String first = CompletableFuture.supplyAsync(() -> readLine(out)).get(30, TimeUnit.SECONDS);
            assertThat(first).as("first stdout line (stderr: %s)", Files.exists(err) ? Files.readString(err) : "")
                    .isNotNull().matches(LISTENING.pattern());
            Matcher m = LISTENING.matcher(first);
            assertThat(m.matches()).isTrue();

            ContractHttpClient client = new ContractHttpClient(URI.create(m.group(1)));
            Response health = client.get("/v1/health", null);
            assertThat(health.status()).isEqualTo(200);
            Response login = client.post("/v1/auth/login", null, null,
                    SandboxFixture.loginBody("ada@example.com", "learn-ada-2026"));
            assertThat(login.status()).isEqualTo(200);
            // --dev turns the control interface on.
            assertThat(client.send("GET", "/_sandbox/clock", java.util.Map.of(), null).status()).isEqualTo(200);

            process.destroy();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("exits within 10 s of SIGTERM").isTrue();
        } finally {
            process.destroyForcibly();
        }
        assertThat(Files.size(dir.resolve("sandbox.db"))).as("the data file was written").isPositive();
    }

    @Test
    void badArgumentsExitWithCode2AndUsage() throws Exception {
        for (List<String> args : List.of(List.of("sandbox", "--port", "abc"), List.of("sandbox", "--bogus"),
                List.of("sandbox", "--port"))) {
            Process process = command(args.toArray(String[]::new)).redirectErrorStream(true).start();
            String output;
            try {
                CompletableFuture<String> text = CompletableFuture.supplyAsync(() -> readAll(process));
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("%s exits", args).isTrue();
                output = text.get(10, TimeUnit.SECONDS);
            } finally {
                process.destroyForcibly();
            }
            assertThat(process.exitValue()).as("%s", args).isEqualTo(2);
            assertThat(output).as("%s", args).contains("usage:").contains("--port");
        }
    }

    private static ProcessBuilder command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("com.coursedesk.Main");
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String readAll(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
