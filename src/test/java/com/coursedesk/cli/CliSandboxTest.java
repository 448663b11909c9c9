package com.coursedesk.cli;

import com.coursedesk.app.CoreServices;
import com.coursedesk.data.api.BillingApiClient;
import com.coursedesk.data.api.SyncPage;
import com.coursedesk.data.api.TokenResponse;
import com.coursedesk.domain.Subscription;
import com.coursedesk.platform.credentials.CredentialStore;
import com.coursedesk.platform.credentials.CredentialStoreException;
import com.coursedesk.sandbox.SandboxOptions;
import com.coursedesk.sandbox.SandboxServer;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line against the sandbox billing server over real HTTP on loopback: sign-in,
 * status, sync and its exit codes, the lists, and actions with the server's answer checked
 * by a separate API client.
 */
class CliSandboxTest {

    static final String ADA = "ada@example.com";
    static final String ADA_PASSWORD = "learn-ada-2026";
    static final String EVE = "eve@example.com";
    static final String EVE_PASSWORD = "learn-eve-2026";

    @TempDir
    Path dataDir;
    @TempDir
    Path sandboxDir;

    private SandboxServer sandbox;
    private CliRunner cli;

    @BeforeEach
    void start() throws IOException {
        sandbox = SandboxServer.start(SandboxOptions.forTests().withDataFile(sandboxDir.resolve("sandbox.db")));
        cli = new CliRunner(dataDir);
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private String server() {
        return sandbox.baseUri().toString();
    }

    static CliRunner.Result login(CliRunner cli, String server, String email, String password) {
        CliRunner.Result result = cli.runWithInput(password + "\n", "login", "--server", server, "--email", email,
                "--password-stdin");
        assertThat(result.code()).as(result.toString()).isZero();
        return result;
    }

    private void loginAndSyncAda() {
        login(cli, server(), ADA, ADA_PASSWORD);
        CliRunner.Result sync = cli.run("sync");
        assertThat(sync.code()).as(sync.toString()).isZero();
    }

    @Test
    void loginWithThePasswordOnStandardInputThenStatusBeforeAndAfterSync() {
        CliRunner.Result login = login(cli, server(), ADA, ADA_PASSWORD);
        assertThat(login.out()).contains("Signed in as Ada Lovelace (ada@example.com) on " + server())
                .contains("coursedesk sync --account ada@example.com");

        CliRunner.Result before = cli.run("status");
        assertThat(before.code()).isZero();
        assertThat(before.out()).contains("ada@example.com — Ada Lovelace", "Server:", server())
                .contains("Signed in:", "yes").containsPattern("Last sync:\\s+never")
                .containsPattern("Purchases:\\s+0\\b").containsPattern("Open actions:\\s+none");

        CliRunner.Result sync = cli.run("sync");
        assertThat(sync.code()).as(sync.toString()).isEqualTo(ExitCode.OK);
        assertThat(sync.out()).contains("Up to date as of").contains("(server time)");
        long onServer = sandboxCount(ADA, "purchases") + sandboxCount(ADA, "subscriptions");
        assertThat(sync.err()).as("determinate progress: done/total")
                .contains("Syncing… " + onServer + "/" + onServer);

        CliRunner.Result after = cli.run("status");
        assertThat(after.out()).containsPattern("Purchases:\\s+" + sandboxCount(ADA, "purchases") + "\\b")
                .containsPattern("Subscriptions:\\s+" + sandboxCount(ADA, "subscriptions") + "\\b")
                .doesNotContainPattern("Last sync:\\s+never")
                .containsPattern("Last sync:\\s+\\d{1,2} \\w{3,4} \\d{4}, \\d{2}:\\d{2} \\(server time\\)");

        CliRunner.Result json = cli.run("status", "--format", "json");
        JsonObject root = JsonParser.parseString(json.out()).getAsJsonObject();
        assertThat(root.get("credentialStore").getAsJsonObject().get("systemStore").getAsBoolean()).isFalse();
        JsonObject account = root.getAsJsonArray("accounts").get(0).getAsJsonObject();
        assertThat(account.get("email").getAsString()).isEqualTo(ADA);
        assertThat(account.get("purchases").getAsLong()).isEqualTo(sandboxCount(ADA, "purchases"));
        assertThat(account.get("lastSyncedAt").getAsString()).endsWith("Z");
    }

    @Test
    void syncSaysOnceWhenTheProviderAsksItToWaitThenGoesOn() throws Exception {
        login(cli, server(), ADA, ADA_PASSWORD);
        // The first page is answered 503 with Retry-After: 1; the retry a second later succeeds.
        HttpResponse<String> set = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server() + "/_sandbox/faults"))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"pathPrefix\":\"/v1/sync\",\"failNext\":1,\"failureStatus\":503,\"retryAfterSeconds\":1}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);

        CliRunner.Result sync = cli.run("sync");

        assertThat(sync.code()).as(sync.toString()).isEqualTo(ExitCode.OK);
        assertThat(sync.err().lines().filter(line -> line.startsWith("The provider is busy")))
                .as("one line per wait").singleElement().asString()
                .matches("The provider is busy: CourseDesk tries again at \\d{2}:\\d{2} \\(in a few seconds\\)\\.");
        long onServer = sandboxCount(ADA, "purchases") + sandboxCount(ADA, "subscriptions");
        assertThat(sync.err()).contains("Syncing… " + onServer + "/" + onServer);
        assertThat(sync.out()).contains("Up to date as of");
    }

    @Test
    void aSyncWhoseAnswerCannotBeReadIsSaidInSpanishOnlyWithWhatToDoAndTheDetailInTheLog() throws Exception {
        login(cli, server(), ADA, ADA_PASSWORD);
        // The next answers are cut short: invalid JSON with status 200.
        HttpResponse<String> set = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server() + "/_sandbox/faults"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"pathPrefix\":\"/v1/sync\",\"malformedJsonNext\":100}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);

        try (LogCapture log = new LogCapture()) {
            CliRunner.Result sync = new CliRunner(dataDir).locale(new java.util.Locale("es", "ES")).run("sync");

            assertThat(sync.code()).as(sync.toString()).isEqualTo(ExitCode.REFUSED);
            // It read "Error: no se pudo leer la respuesta del servidor, … (GET /v1/sync … JSON …). …"
            assertThat(sync.out().strip()).isEqualTo("La sincronización falló: no se pudo leer la respuesta del "
                    + "servidor, así que no se ha cambiado nada; vuelve a ejecutar coursedesk sync. No se ha perdido "
                    + "nada de lo guardado.");
            assertThat(sync.all()).doesNotContain("/v1/sync", "JSON", "(");
            assertThat(log.text()).contains("Sync failed (BAD_RESPONSE)", "/v1/sync").doesNotContain(ADA_PASSWORD);
        }
    }

    @Test
    void aWrongPasswordIsRefusedClearlyAndNoPasswordEverReachesOutputLogOrDisk() throws IOException {
        String wrong = "not-adas-password-7431";
        try (LogCapture log = new LogCapture()) {
            CliRunner.Result refused = cli.runWithInput(wrong + "\n", "login", "--server", server(), "--email", ADA,
                    "--password-stdin");
            assertThat(refused.code()).isEqualTo(ExitCode.SIGNED_OUT);
            assertThat(refused.err()).contains("Wrong email or password.");
            assertThat(refused.all()).doesNotContain(wrong);
            assertThat(cli.run("status").out()).contains("No account on this computer yet");

            CliRunner.Result ok = login(cli, server(), ADA, ADA_PASSWORD);
            CliRunner.Result sync = cli.run("sync");
            assertThat(sync.code()).isZero();
            assertThat(ok.all() + sync.all()).doesNotContain(ADA_PASSWORD);
            assertThat(log.size()).as("the capture saw the sign-in").isPositive();
            assertThat(log.text()).doesNotContain(wrong).doesNotContain(ADA_PASSWORD);
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(bytes).as(file.toString()).doesNotContain(ADA_PASSWORD).doesNotContain(wrong);
            }
        }
    }

    @Test
    void thePasswordCanComeFromTheTerminalOrTheEnvironment() {
        char[][] handedOut = new char[1][];
        CliRunner.Result typed = cli.terminal(prompt -> {
            assertThat(prompt).contains(ADA);
            handedOut[0] = ADA_PASSWORD.toCharArray();
            return handedOut[0];
        }).run("login", "--server", server(), "--email", ADA);
        assertThat(typed.code()).as(typed.toString()).isZero();
        assertThat(new String(handedOut[0])).as("the typed password is wiped after use").doesNotContain("learn");

        CliRunner fromEnv = new CliRunner(dataDir.resolve("other")).env(LoginCommand.PASSWORD_VARIABLE, EVE_PASSWORD);
        CliRunner.Result env = fromEnv.run("login", "--server", server(), "--email", EVE);
        assertThat(env.code()).as(env.toString()).isZero();
        assertThat(env.out()).contains("eve@example.com");
    }

    @Test
    void purchasesAndSubscriptionsComeFromTheLocalCopyFormattedForTheLearner() {
        loginAndSyncAda();
        sandbox.close();
        sandbox = null;

        CliRunner.Result purchases = cli.run("purchases");
        assertThat(purchases.code()).isZero();
        assertThat(purchases.out()).contains("Introduction to Psychology", "£39.00", "機械学習入門", "JP¥4,900",
                "Finanzas personales: ¿cómo ahorrar?", "US$49.00", "App Store", "refunded")
                .containsPattern("\\d+ purchases; paid: ");
        // Newest first, dates in the learner's zone and locale.
        assertThat(purchases.out()).containsPattern("\\d{1,2} \\w{3,4} 20\\d\\d");

        CliRunner.Result search = cli.run("purchases", "--search", "psychology");
        assertThat(search.out()).contains("Introduction to Psychology").doesNotContain("Financial Markets")
                .contains("1 purchase; paid: £39.00");
        assertThat(cli.run("purchases", "--status", "refunded").out()).contains("Financial Markets")
                .doesNotContain("Introduction to Psychology");
        assertThat(cli.run("purchases", "--year", "1999").out()).contains("No purchases match.");

        CliRunner.Result csv = cli.run("purchases", "--search", "psychology", "--csv");
        List<String> lines = csv.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("id,purchased_at,title,partner,");
        assertThat(lines.get(1)).contains(",Introduction to Psychology,Yale University,", ",39.00,GBP,");

        JsonArray json = JsonParser.parseString(cli.run("purchases", "--format", "json", "--search", "psychology")
                .out()).getAsJsonArray();
        JsonObject p = json.get(0).getAsJsonObject();
        assertThat(p.getAsJsonObject("total").get("amountMinor").getAsLong()).isEqualTo(3900);
        assertThat(p.getAsJsonObject("total").get("currency").getAsString()).isEqualTo("GBP");
        assertThat(p.getAsJsonObject("product").get("title").getAsString()).isEqualTo("Introduction to Psychology");
        assertThat(p.has("refundedAt")).as("nulls are written, as the contract shows them").isTrue();
        assertThat(p.has("pending")).isFalse();

        CliRunner.Result subscriptions = cli.run("subscriptions");
        assertThat(subscriptions.code()).isZero();
        assertThat(subscriptions.out()).contains("Coursera Plus", "£319.00 a year", "free trial",
                "set to end: access until", "payment failed, being retried", "Google Play", "8 subscriptions");
        assertThat(cli.run("subscriptions", "--channel", "app_store").out())
                .contains("IBM Data Science Professional Certifica").doesNotContain("Coursera Plus");
    }

    @Test
    void cancelIsConfirmedByTheServerAndKeptInTheHistory() {
        loginAndSyncAda();
        String coursera = subscriptionId("Coursera Plus");

        CliRunner.Result cancel = cli.run("cancel", coursera, "--reason", "too_expensive", "--comment", "Too dear");
        assertThat(cancel.code()).as(cancel.toString()).isZero();
        assertThat(cancel.out()).contains("Asked: cancel " + coursera, "Confirmed by the provider",
                "Coursera Plus is set to end: access continues until");
        String key = find("idempotency key ([0-9a-f-]{36})", cancel.out());

        // The server's own state, read by a client of its own.
        Subscription onServer = serverSubscription(ADA, ADA_PASSWORD, coursera);
        assertThat(onServer.cancelAtPeriodEnd()).isTrue();
        assertThat(onServer.canceledAt()).isNotNull();

        CliRunner.Result history = cli.run("history");
        assertThat(history.out()).contains("cancel " + coursera, key, "confirmed", "200");
        JsonObject entry = JsonParser.parseString(cli.run("actions", "--format", "json").out()).getAsJsonArray()
                .get(0).getAsJsonObject();
        assertThat(entry.get("idempotencyKey").getAsString()).isEqualTo(key);
        assertThat(entry.get("state").getAsString()).isEqualTo("confirmed");
        assertThat(entry.get("serverStatus").getAsInt()).isEqualTo(200);
        assertThat(entry.getAsJsonObject("request").get("reason").getAsString()).isEqualTo("too_expensive");

        CliRunner.Result again = cli.run("cancel", coursera);
        assertThat(again.code()).isEqualTo(ExitCode.USAGE);
        assertThat(again.err()).contains("already set to end");
    }

    @Test
    void actionsTheLocalCopyShowsImpossibleAreRefusedInPlainWordsAndNothingIsQueued() {
        loginAndSyncAda();
        CliRunner.Result outsideWindow = cli.run("refund", purchaseId("Master of Computer Science in Data Science"),
                "--reason", "Changed my mind");
        assertThat(outsideWindow.code()).isEqualTo(ExitCode.USAGE);
        assertThat(outsideWindow.err()).contains("The refund window of this purchase closed on");

        CliRunner.Result appStore = cli.run("cancel", subscriptionId("IBM Data Science Professional Certificate"));
        assertThat(appStore.code()).isEqualTo(ExitCode.USAGE);
        assertThat(appStore.err()).contains("was bought in App Store; cancel or restart it there.");

        CliRunner.Result unknown = cli.run("refund", "pur_does_not_exist", "--reason", "x");
        assertThat(unknown.code()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err()).contains("There is no purchase pur_does_not_exist in the local copy.");

        CliRunner.Result noReason = cli.run("refund", purchaseId("Introduction to Psychology"));
        assertThat(noReason.code()).isEqualTo(ExitCode.USAGE);
        assertThat(noReason.err()).contains("--reason");

        assertThat(cli.run("history").out()).contains("No actions yet.");
    }

    @Test
    void aRefusalByTheServerIsReportedWithItsCodeAndDetail() {
        loginAndSyncAda();
        String psychology = purchaseId("Introduction to Psychology");
        // Another device refunds it first; this copy still shows it paid and refundable.
        serverRefund(ADA, ADA_PASSWORD, psychology);

        CliRunner.Result refund = cli.run("refund", psychology, "--reason", "Bought twice");
        assertThat(refund.code()).as(refund.toString()).isEqualTo(ExitCode.REFUSED);
        assertThat(refund.out()).contains("Refused by the provider:", "409 not_refundable");
        assertThat(cli.run("history").out()).contains("refused", "409 not_refundable");
    }

    @Test
    void offlineSyncExitsWithFourAndAnActionStaysPendingUntilTheServerIsBack() throws IOException {
        loginAndSyncAda();
        String coursera = subscriptionId("Coursera Plus");
        int port = sandbox.port();
        sandbox.close();
        sandbox = null;

        CliRunner.Result offline = cli.run("sync");
        assertThat(offline.code()).isEqualTo(ExitCode.OFFLINE);
        assertThat(offline.out()).contains("Offline — showing data as of");

        CliRunner.Result cancel = cli.run("cancel", coursera, "--reason", "not_using");
        assertThat(cancel.code()).as(cancel.toString()).isEqualTo(ExitCode.OFFLINE);
        assertThat(cancel.out()).contains("Still pending", "same key", "Offline");
        String key = find("idempotency key ([0-9a-f-]{36})", cancel.out());
        assertThat(cli.run("status").out()).containsPattern("Open actions:\\s+1 waiting");
        JsonObject sub = subscriptionsJson().asList().stream().map(JsonElement::getAsJsonObject)
                .filter(s -> s.get("id").getAsString().equals(coursera)).findFirst().orElseThrow();
        assertThat(sub.getAsJsonObject("pending").get("kind").getAsString()).isEqualTo("cancel");
        assertThat(sub.getAsJsonObject("pending").get("idempotencyKey").getAsString()).isEqualTo(key);
        assertThat(cli.run("subscriptions").out()).contains("(cancel pending)");

        sandbox = SandboxServer.start(SandboxOptions.forTests().withDataFile(sandboxDir.resolve("sandbox.db"))
                .withPort(port));
        CliRunner.Result back = cli.run("sync");
        assertThat(back.code()).as(back.toString()).isZero();
        assertThat(back.out()).contains("Sent: cancel " + coursera + ", confirmed.", "Up to date as of");
        assertThat(serverSubscription(ADA, ADA_PASSWORD, coursera).cancelAtPeriodEnd()).isTrue();
        assertThat(cli.run("history").out()).contains(key, "confirmed");
    }

    @Test
    void logoutEndsTheSessionKeepsTheCopyAndForgetRemovesIt() {
        loginAndSyncAda();
        CliRunner.Result logout = cli.run("logout");
        assertThat(logout.code()).isZero();
        assertThat(logout.out()).contains("Signed out of ada@example.com; the session was ended on the server.")
                .contains("The local copy is kept in", "coursedesk forget --account ada@example.com");

        CliRunner.Result status = cli.run("status");
        assertThat(status.out()).contains("Signed in:", "no; sign in again with: coursedesk login --server "
                + server() + " --email ada@example.com").doesNotContainPattern("Purchases:\\s+0\\b");
        assertThat(cli.run("purchases").out()).contains("Introduction to Psychology");

        CliRunner.Result sync = cli.run("sync");
        assertThat(sync.code()).isEqualTo(ExitCode.SIGNED_OUT);
        assertThat(sync.out()).contains("Signed out — sign in again with: coursedesk login --server " + server());

        CliRunner.Result forget = cli.run("forget");
        assertThat(forget.code()).isZero();
        assertThat(forget.out()).contains("Removed the local copy and the saved sign-in of ada@example.com");
        assertThat(cli.run("status").out()).contains("No account on this computer yet");
        assertThat(dataDir.resolve("accounts")).isEmptyDirectory();
    }

    @Test
    void forgetRefusesToDropActionsThatWaitToBeSentUnlessForced() {
        loginAndSyncAda();
        String coursera = subscriptionId("Coursera Plus");
        sandbox.close();
        sandbox = null;
        assertThat(cli.run("cancel", coursera).code()).isEqualTo(ExitCode.OFFLINE);

        CliRunner.Result refused = cli.run("forget");
        assertThat(refused.code()).isEqualTo(ExitCode.USAGE);
        assertThat(refused.err()).contains("1 action waits to be sent", "--force");
        assertThat(cli.run("status").out()).contains("ada@example.com");

        CliRunner.Result forced = cli.run("forget", "--force");
        assertThat(forced.code()).as(forced.toString()).isZero();
        assertThat(cli.run("status").out()).contains("No account on this computer yet");
    }

    @Test
    void aCommentOrReasonNotAcceptedSaysWhatToChangeInSpanishOnly() {
        loginAndSyncAda();
        String coursera = subscriptionId("Coursera Plus");
        String psychology = purchaseId("Introduction to Psychology");
        CliRunner spanish = new CliRunner(dataDir).locale(new java.util.Locale("es", "ES"));

        try (LogCapture log = new LogCapture()) {
            CliRunner.Result longComment = spanish.run("cancel", coursera, "--comment", "x".repeat(1001));
            assertThat(longComment.code()).as(longComment.toString()).isEqualTo(ExitCode.USAGE);
            // It read "No aceptado: The comment is limited to 1000 characters."
            assertThat(longComment.err()).contains("No aceptado: el comentario puede tener como máximo 1000 "
                    + "caracteres. Acorta el texto de --comment y vuelve a ejecutar coursedesk cancel.")
                    .doesNotContain("The comment", "limited", "characters.");

            CliRunner.Result blankReason = spanish.run("refund", psychology, "--reason", "   ");
            assertThat(blankReason.code()).as(blankReason.toString()).isEqualTo(ExitCode.USAGE);
            // It read "No aceptado: Give a reason of 1 to 500 characters."
            assertThat(blankReason.err()).contains("No aceptado: el motivo debe tener de 1 a 500 caracteres. "
                    + "Escríbelo después de --reason y vuelve a ejecutar coursedesk refund.")
                    .doesNotContain("Give a reason", "characters.");

            assertThat(log.text()).contains("The comment is limited to 1000 characters.",
                    "Give a reason of 1 to 500 characters.");
        }
        CliRunner.Result english = cli.run("refund", psychology, "--reason", "   ");
        assertThat(english.err()).contains("Not accepted: the reason must be 1 to 500 characters. Write it after "
                + "--reason, then run coursedesk refund again.");
        assertThat(cli.run("history").out()).contains("No actions yet.");
    }

    @Test
    void aCopyThatCannotBeRemovedSaysWhichFolderIsLeftInSpanishOnly() throws Exception {
        loginAndSyncAda();
        Path accountDir;
        try (Stream<Path> dirs = Files.list(dataDir.resolve("accounts"))) {
            accountDir = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Path pinned = Files.writeString(accountDir.resolve("pinned"), "kept");
        // Tests run as root here, where permissions do not stop a delete: an immutable file does.
        boolean immutable;
        try {
            immutable = new ProcessBuilder("chattr", "+i", pinned.toString()).redirectErrorStream(true)
                    .start().waitFor() == 0;
        } catch (java.io.IOException noChattr) {
            immutable = false;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(immutable, "chattr +i is not available here");
        try (LogCapture log = new LogCapture()) {
            CliRunner.Result forget = new CliRunner(dataDir).locale(new java.util.Locale("es", "ES")).run("forget");

            assertThat(forget.code()).as(forget.toString()).isEqualTo(ExitCode.ERROR);
            // It read "No se pudo borrar la copia local: /tmp/…/pinned" (or "Operation not permitted").
            assertThat(forget.err()).contains("Se ha borrado la sesión guardada, pero no se pudo borrar del todo la "
                    + "copia local de " + accountDir + ". Cierra cualquier programa que use esa carpeta y bórrala "
                    + "tú; el registro en " + cli.directories().logDir() + " tiene los detalles.")
                    .doesNotContain("pinned", "Operation", "not permitted");
            assertThat(log.text()).contains("Removing the local copy of", "pinned").doesNotContain(ADA_PASSWORD);
        } finally {
            new ProcessBuilder("chattr", "-i", pinned.toString()).start().waitFor();
        }
    }

    @Test
    void aSavedSignInThatCannotBeReadSaysWhatToDoInSpanishOnly() {
        loginAndSyncAda();
        CredentialStore locked = new CredentialStore() {
            @Override
            public java.util.Optional<String> read(String accountId) {
                throw new CredentialStoreException("Secret Service: org.freedesktop.DBus.Error.ServiceUnknown", null);
            }

            @Override
            public void write(String accountId, String secret) {
                read(accountId);
            }

            @Override
            public void delete(String accountId) {
                read(accountId);
            }

            @Override
            public String description() {
                return "a locked keyring";
            }

            @Override
            public boolean isOperatingSystemStore() {
                return true;
            }
        };
        // forget reads the saved sign-in first, to end the session on the server.
        CliRunner.Result forget = new CliRunner(dataDir).locale(new java.util.Locale("es", "ES"))
                .core(dirs -> new CoreServices(dirs, locked, java.time.Clock.systemUTC())).run("forget");

        assertThat(forget.code()).as(forget.toString()).isEqualTo(ExitCode.ERROR);
        // It read "No se pudo leer o escribir la sesión guardada: Secret Service: org.freedesktop…"
        assertThat(forget.err()).contains("No se pudo leer o escribir la sesión guardada, así que la orden no ha "
                + "terminado. Comprueba que el almacén de credenciales de este ordenador esté desbloqueado y vuelve a "
                + "intentarlo; si sigue ocurriendo, el registro en " + cli.directories().logDir() + " tiene los "
                + "detalles.").doesNotContain("Secret Service", "DBus");
        assertThat(cli.run("status").out()).contains("ada@example.com");
    }

    // ----- helpers -----

    private JsonArray subscriptionsJson() {
        return JsonParser.parseString(cli.run("subscriptions", "--format", "json").out()).getAsJsonArray();
    }

    private String subscriptionId(String title) {
        return idByTitle(subscriptionsJson(), title);
    }

    private String purchaseId(String title) {
        return idByTitle(JsonParser.parseString(cli.run("purchases", "--format", "json").out()).getAsJsonArray(),
                title);
    }

    private static String idByTitle(JsonArray records, String title) {
        for (JsonElement e : records) {
            JsonObject o = e.getAsJsonObject();
            if (o.getAsJsonObject("product").get("title").getAsString().equals(title)) {
                return o.get("id").getAsString();
            }
        }
        throw new AssertionError("No record titled " + title);
    }

    static String find(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex + " in " + text).isTrue();
        return m.group(1);
    }

    private Subscription serverSubscription(String email, String password, String id) {
        BillingApiClient api = BillingApiClient.builder(sandbox.baseUri()).build();
        TokenResponse tokens = api.login(email, password.toCharArray());
        String cursor = null;
        while (true) {
            SyncPage page = api.sync(tokens.accessToken(), cursor, 1000);
            for (Subscription s : page.subscriptions()) {
                if (s.id().equals(id)) {
                    return s;
                }
            }
            if (!page.hasMore()) {
                throw new AssertionError("The server has no subscription " + id);
            }
            cursor = page.cursor();
        }
    }

    private void serverRefund(String email, String password, String purchaseId) {
        BillingApiClient api = BillingApiClient.builder(sandbox.baseUri()).build();
        TokenResponse tokens = api.login(email, password.toCharArray());
        api.requestRefund(tokens.accessToken(), purchaseId, "another device", "other-device-" + purchaseId);
    }

    /** Record counts the sandbox reports for an account (control interface). */
    private long sandboxCount(String email, String field) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(server() + "/_sandbox/accounts")).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (JsonElement e : JsonParser.parseString(response.body()).getAsJsonArray()) {
                JsonObject account = e.getAsJsonObject();
                if (account.get("email").getAsString().equals(email)) {
                    return account.get(field).getAsLong();
                }
            }
            throw new AssertionError("No sandbox account " + email);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
