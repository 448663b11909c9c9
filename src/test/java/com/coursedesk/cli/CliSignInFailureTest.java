package com.coursedesk.cli;

import com.coursedesk.service.UnusableServers;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.time.Instant;
import java.time.ZoneId;
import com.coursedesk.service.sync.SyncStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code login} to a server it cannot use, as a Spanish-speaking learner: every sentence from
 * the bundle, none of the exception's English, and the log saying why.
 */
class CliSignInFailureTest {

    private static final String PASSWORD = "learn-ada-2026";

    @TempDir
    Path dataDir;
    @TempDir
    Path keys;

    private CliRunner spanish() {
        return new CliRunner(dataDir).locale(new Locale("es", "ES"))
                .clients(b -> b.connectTimeout(Duration.ofSeconds(2)).requestTimeout(Duration.ofMillis(400)));
    }

    private static CliRunner.Result login(CliRunner cli, URI server) {
        return cli.runWithInput(PASSWORD + "\n", "login", "--server", server.toString(), "--email",
                "ada@example.com", "--password-stdin");
    }

    @Test
    void aFailingServerIsSaidInSpanishWithoutTheExceptionsEnglish() throws IOException {
        HttpServer failing = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        failing.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            byte[] problem = ("{\"type\":\"about:blank\",\"title\":\"Internal error\",\"status\":500,"
                    + "\"code\":\"internal_error\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(500, problem.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(problem);
            }
        });
        failing.start();
        try (LogCapture log = new LogCapture()) {
            CliRunner.Result result = login(spanish(), URI.create("http://127.0.0.1:" + failing.getAddress().getPort()));

            assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.REFUSED);
            // It read "El servidor no ha podido iniciar tu sesión (The server failed (500).). Vuelve a …"
            assertThat(result.err().strip())
                    .isEqualTo("El servidor no ha podido iniciar tu sesión. Vuelve a intentarlo más tarde.");
            assertThat(log.text()).contains("SERVER_FAILED", "HTTP 500 internal_error").doesNotContain(PASSWORD);
        } finally {
            failing.stop(0);
        }
    }

    @Test
    void aCertificateThatCannotBeVerifiedIsSaidInSpanishAndLogged() {
        try (UnusableServers.Https provider = new UnusableServers.Https(UnusableServers.selfSigned(keys));
             LogCapture log = new LogCapture()) {
            CliRunner.Result result = login(spanish(), provider.uri());

            assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.OFFLINE);
            assertThat(result.err().strip()).isEqualTo("La dirección del proveedor responde, pero no se ha podido "
                    + "verificar su certificado de seguridad, así que CourseDesk no ha enviado tu contraseña. "
                    + "Comprueba la dirección o consulta a tu proveedor.");
            assertThat(provider.requests()).isZero();
            assertThat(log.text()).contains("UNTRUSTED_CERTIFICATE", "javax.net.ssl.SSLHandshakeException")
                    .doesNotContain(PASSWORD);
        }
    }

    @Test
    void aServerThatNeverAnswersIsSaidInSpanish() throws IOException {
        try (UnusableServers.Silent silent = new UnusableServers.Silent()) {
            CliRunner.Result result = login(spanish(), silent.httpUri());

            assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.OFFLINE);
            assertThat(result.err().strip())
                    .isEqualTo("El proveedor no ha respondido a tiempo. Comprueba tu conexión y vuelve a intentarlo.");
        }
    }

    @Test
    void aClosedPortIsUnreachableInSpanish() {
        CliRunner.Result result = login(spanish(), UnusableServers.closedPort());

        assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.OFFLINE);
        assertThat(result.err().strip()).isEqualTo(
                "No se puede alcanzar el servidor. Comprueba la dirección y tu conexión y vuelve a intentarlo.");
    }

    @Test
    void anEmailWithoutAnAtSignIsRefusedInSpanishWithoutEnglish() {
        CliRunner.Result result = spanish().runWithInput(PASSWORD + "\n", "login", "--server",
                UnusableServers.closedPort().toString(), "--email", "ada", "--password-stdin");

        assertThat(result.code()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).startsWith("Inicio de sesión rechazado: indica una dirección de correo completa "
                + "(como tu@example.com) y una contraseña.").doesNotContain("Enter your email");
    }

    @Test
    void aSyncStoppedByACertificateIsOneSpanishSentenceWithoutTheHandshakesEnglishAndExitsFour() {
        CliContext context = new CliContext(System.out, System.err, InputStream.nullInputStream(),
                CliMessages.load(new Locale("es", "ES")), new CliFormat(new Locale("es", "ES"), ZoneId.of("Europe/Madrid")),
                Map.of(), prompt -> null, false, null);
        SyncStatus failed = new SyncStatus.Failed(SyncStatus.Reason.UNTRUSTED_CERTIFICATE,
                "GET /v1/health failed: SSLHandshakeException: PKIX path building failed", Instant.now());

        assertThat(new SyncRun(context).describe(failed, null)).isEqualTo("Sin sincronizar: la dirección del "
                + "proveedor responde, pero no se ha podido verificar su certificado de seguridad, así que CourseDesk "
                + "no ha enviado nada. No se ha perdido nada de lo guardado; lo que está en espera sigue en cola. "
                + "Comprueba la dirección o consulta a tu proveedor.");
        assertThat(SyncRun.exitCode(failed)).isEqualTo(ExitCode.OFFLINE);
    }

    @Test
    void aSyncTheServerRefusedIsOneSpanishSentenceWithWhatToDoAndNoServerDetail() {
        CliContext context = new CliContext(System.out, System.err, InputStream.nullInputStream(),
                CliMessages.load(new Locale("es", "ES")), new CliFormat(new Locale("es", "ES"), ZoneId.of("Europe/Madrid")),
                Map.of(), prompt -> null, false, null);
        SyncStatus failed = new SyncStatus.Failed(SyncStatus.Reason.REFUSED,
                "GET /v1/sync failed: HTTP 403 forbidden: Account suspended pending review", Instant.now());

        try (LogCapture log = new LogCapture()) {
            // It read "Error: el servidor rechazó la petición (GET /v1/sync failed: HTTP 403 …). …"
            assertThat(new SyncRun(context).describe(failed, null)).isEqualTo("La sincronización falló: el "
                    + "servidor rechazó la petición; si lo sigue rechazando, consulta a tu proveedor. No se ha "
                    + "perdido nada de lo guardado.");
            assertThat(log.text()).contains("REFUSED", "HTTP 403 forbidden: Account suspended pending review");
        }
        assertThat(SyncRun.exitCode(failed)).isEqualTo(ExitCode.REFUSED);
    }
}
