package com.coursedesk.ui.login;

import com.coursedesk.domain.KnownAccount;
import com.coursedesk.domain.ServerRef;
import com.coursedesk.service.ServiceFixture;
import com.coursedesk.service.ServiceFixture.Records;
import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.service.auth.SignInService;
import com.coursedesk.service.sync.SyncStatus;
import com.coursedesk.ui.common.Formats;
import com.coursedesk.ui.common.ImmediateTaskRunner;
import com.coursedesk.ui.common.Messages;
import com.coursedesk.ui.shell.UiAccountFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.coursedesk.data.api.BillingApiClient;
import com.coursedesk.data.api.RetryPolicy;
import com.coursedesk.service.UnusableServers;
import com.coursedesk.service.auth.ServerConnector;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.LoggerFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.coursedesk.ui.shell.UiAccountFixture.ADA;
import static com.coursedesk.ui.shell.UiAccountFixture.KENJI;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in screen's view-model against a real sandbox, through the real sign-in service, on
 * the test's own thread: what may be pressed, every error in the words the learner reads, and
 * opening an account from its local copy while the server is down.
 */
class LoginViewModelTest {

    private static final Pattern SECONDS = Pattern.compile("Try again in (\\d+) seconds?\\.");

    @TempDir
    Path dir;

    private UiAccountFixture fx;
    private SignInService service;
    private MutableClock clock;
    private final List<AccountSession> signedIn = new ArrayList<>();

    @BeforeEach
    void start() {
        fx = UiAccountFixture.start(dir);
        service = fx.signInService();
        clock = new MutableClock(Instant.parse("2026-05-03T10:00:00Z"));
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private LoginViewModel newViewModel() {
        return new LoginViewModel(service, UiAccountFixture.demoCredentials(), new ImmediateTaskRunner(),
                fx.messages(), fx.formats(), clock, session -> signedIn.add(fx.track(session)));
    }

    private static void type(LoginViewModel vm, String email, String password) {
        vm.emailProperty().set(email);
        vm.passwordProperty().set(password);
    }

    // ----- what may be pressed -----

    @Test
    void theDemoIsChosenAndItsFirstAccountFilledInSoSignInCanBePressedAtOnce() {
        LoginViewModel vm = newViewModel();

        assertThat(vm.serverKindProperty().get()).isEqualTo(LoginViewModel.ServerKind.DEMO);
        assertThat(vm.emailProperty().get()).isEqualTo(ADA);
        assertThat(vm.passwordProperty().get()).isEqualTo(ServiceFixture.password(ADA));
        assertThat(vm.canSignInProperty().get()).isTrue();
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "ada", "ada@", "@example.com", "ada@example", "ada @example.com",
            "ada@@example.com"})
    void anEmptyOrInvalidEmailCannotSignIn(String email) {
        LoginViewModel vm = newViewModel();

        vm.emailProperty().set(email);

        assertThat(vm.canSignInProperty().get()).as("email '%s'", email).isFalse();
    }

    @Test
    void anEmptyPasswordCannotSignIn() {
        LoginViewModel vm = newViewModel();

        vm.passwordProperty().set("");

        assertThat(vm.canSignInProperty().get()).isFalse();
        vm.passwordProperty().set("x");
        assertThat(vm.canSignInProperty().get()).isTrue();
    }

    @Test
    void aProviderWithoutAnAddressCannotSignInAndSaysWhy() {
        LoginViewModel vm = newViewModel();

        vm.serverKindProperty().set(LoginViewModel.ServerKind.PROVIDER);

        assertThat(vm.canSignInProperty().get()).isFalse();
        assertThat(vm.serverUrlProblemProperty().get()).isEqualTo("Enter your provider's address.");
        vm.serverKindProperty().set(LoginViewModel.ServerKind.DEMO);
        assertThat(vm.canSignInProperty().get()).as("the demo needs no address").isTrue();
        assertThat(vm.serverUrlProblemProperty().get()).isEmpty();
    }

    @Test
    void plainHttpIsRefusedForAnotherComputer() {
        LoginViewModel vm = newViewModel();
        vm.serverKindProperty().set(LoginViewModel.ServerKind.PROVIDER);

        vm.serverUrlProperty().set("http://example.com");

        assertThat(vm.canSignInProperty().get()).isFalse();
        assertThat(vm.serverUrlProblemProperty().get())
                .isEqualTo("This address cannot be used: plain http:// is only allowed for this computer (localhost).");
    }

    @Test
    void anotherSchemeIsRefused() {
        LoginViewModel vm = newViewModel();
        vm.serverKindProperty().set(LoginViewModel.ServerKind.PROVIDER);

        vm.serverUrlProperty().set("ftp://x");

        assertThat(vm.canSignInProperty().get()).isFalse();
        assertThat(vm.serverUrlProblemProperty().get()).startsWith("This address cannot be used: must start with https://");
    }

    @Test
    void anAddressThatCannotBeUsedIsSaidInSpanishToASpanishLearner() {
        Messages spanish = Messages.load(new Locale("es"));
        LoginViewModel vm = new LoginViewModel(service, UiAccountFixture.demoCredentials(), new ImmediateTaskRunner(),
                spanish, new Formats(new Locale("es"), ZoneId.of("Europe/Madrid"), spanish), clock,
                session -> signedIn.add(fx.track(session)));
        vm.serverKindProperty().set(LoginViewModel.ServerKind.PROVIDER);

        vm.serverUrlProperty().set("http://example.com");
        assertThat(vm.serverUrlProblemProperty().get()).isEqualTo(
                "No se puede usar esta dirección: http:// sin cifrar solo se permite para este ordenador "
                        + "(localhost).");
        vm.serverUrlProperty().set("ftp://x");
        assertThat(vm.serverUrlProblemProperty().get())
                .isEqualTo("No se puede usar esta dirección: debe empezar por https:// y nombrar un servidor.");
        vm.serverUrlProperty().set("https://billing.example.com/?a=1");
        assertThat(vm.serverUrlProblemProperty().get()).isEqualTo(
                "No se puede usar esta dirección: no puede llevar consulta, fragmento ni nombre de usuario.");
        vm.serverUrlProperty().set("https://bad host");
        assertThat(vm.serverUrlProblemProperty().get())
                .isEqualTo("No se puede usar esta dirección: no es una dirección web.");
        assertThat(vm.canSignInProperty().get()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://billing.example.com", "https://billing.example.com/api/", "http://localhost:8080",
            "http://127.0.0.1:9"})
    void httpsAnywhereAndPlainHttpOnThisComputerCanSignIn(String url) {
        LoginViewModel vm = newViewModel();
        vm.serverKindProperty().set(LoginViewModel.ServerKind.PROVIDER);

        vm.serverUrlProperty().set(url);

        assertThat(vm.serverUrlProblemProperty().get()).as(url).isEmpty();
        assertThat(vm.canSignInProperty().get()).as(url).isTrue();
    }

    // ----- every sign-in error -----

    @Test
    void aWrongPasswordSaysSoClearsThePasswordAndOpensNothing() {
        LoginViewModel vm = newViewModel();
        type(vm, ADA, "not-the-password");

        vm.signIn();

        assertThat(vm.errorProperty().get()).isEqualTo("Wrong email or password.");
        assertThat(vm.passwordProperty().get()).as("the password is not kept").isEmpty();
        assertThat(vm.emailProperty().get()).as("the email stays for the next try").isEqualTo(ADA);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.canSignInProperty().get()).as("until a password is typed again").isFalse();
        assertThat(signedIn).isEmpty();
    }

    @Test
    void theSixthFailedAttemptIsRateLimitedAndCountsDownUntilSignInMayBePressedAgain() {
        LoginViewModel vm = newViewModel();
        for (int attempt = 1; attempt <= 5; attempt++) {
            type(vm, ADA, "wrong-" + attempt);
            vm.signIn();
            assertThat(vm.errorProperty().get()).as("attempt %d", attempt).isEqualTo("Wrong email or password.");
        }

        type(vm, ADA, "wrong-6");
        vm.signIn();

        assertThat(vm.rateLimitedProperty().get()).isTrue();
        // The sandbox locks an email for 15 minutes after its fifth failure (850 to 900 s are
        // left by now): a wait that long is said in minutes, not as "898 seconds".
        assertThat(vm.errorProperty().get()).isEqualTo("Too many attempts. Try again in 15 minutes.");
        vm.passwordProperty().set(ServiceFixture.password(ADA));
        assertThat(vm.canSignInProperty().get()).as("even with the right password").isFalse();

        // Its last minute counts down in seconds.
        clock.advance(Duration.ofSeconds(841));
        vm.tick();
        long left = secondsIn(vm.errorProperty().get());
        assertThat(left).isBetween(9L, 59L);
        long wait = 841 + left;
        clock.advance(Duration.ofSeconds(10));
        vm.tick();
        assertThat(secondsIn(vm.errorProperty().get())).isEqualTo(left - 10);

        // Half a second before the end the wait is not over: it still says one second.
        clock.advance(Duration.ofSeconds(left - 10).minusMillis(500));
        vm.tick();
        assertThat(vm.errorProperty().get()).isEqualTo("Too many attempts. Try again in 1 second.");
        assertThat(vm.canSignInProperty().get()).isFalse();

        clock.advance(Duration.ofMillis(500));
        vm.tick();
        assertThat(vm.rateLimitedProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.canSignInProperty().get()).isTrue();

        // The server's lock has lifted too by then: the right password now opens the account.
        fx.server().control("POST", "/_sandbox/clock/advance", "{\"seconds\":" + wait + "}");
        vm.signIn();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(signedIn).hasSize(1);
    }

    private static long secondsIn(String error) {
        Matcher m = SECONDS.matcher(error);
        assertThat(m.find()).as("a number of seconds in '%s'", error).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void aRateLimitedEmailDoesNotLockOutAnotherEmailOrServer() {
        LoginViewModel vm = newViewModel();
        for (int attempt = 1; attempt <= 6; attempt++) {
            type(vm, ADA, "wrong-" + attempt);
            vm.signIn();
        }
        assertThat(vm.errorProperty().get()).startsWith("Too many attempts. Try again in ");
        assertThat(vm.canSignInProperty().get()).isFalse();

        // The provider counts attempts per email: Kenji may sign in at once.
        type(vm, KENJI, ServiceFixture.password(KENJI));
        assertThat(vm.rateLimitedProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).as("the wait is Ada's, not Kenji's").isEmpty();
        assertThat(vm.canSignInProperty().get()).isTrue();

        // Back to Ada (in other case): her wait is still running and said again.
        type(vm, " Ada@Example.com ", ServiceFixture.password(ADA));
        assertThat(vm.canSignInProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).startsWith("Too many attempts. Try again in ");

        // Another server is not the one that refused Ada.
        vm.serverKindProperty().set(LoginViewModel.ServerKind.PROVIDER);
        vm.serverUrlProperty().set(UiAccountFixture.deadLoopbackAddress().toString());
        assertThat(vm.canSignInProperty().get()).isTrue();
        assertThat(vm.errorProperty().get()).isEmpty();
        vm.serverKindProperty().set(LoginViewModel.ServerKind.DEMO);
        assertThat(vm.canSignInProperty().get()).isFalse();

        type(vm, KENJI, ServiceFixture.password(KENJI));
        vm.signIn();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(signedIn).extracting(session -> session.account().email()).containsExactly(KENJI);
    }

    @Test
    void signingInAgainStartsFromTheEndedAccountsServerAndEmailNotTheDemo() {
        LoginViewModel vm = newViewModel();
        assertThat(vm.serverKindProperty().get()).as("the form's default").isEqualTo(LoginViewModel.ServerKind.DEMO);
        ServerRef provider = fx.server().serverRef();
        KnownAccount ended = new KnownAccount("acc_kenji", KENJI, "Kenji", provider, null);

        vm.signInAgainAs(ended);

        assertThat(vm.serverKindProperty().get()).isEqualTo(LoginViewModel.ServerKind.PROVIDER);
        assertThat(vm.serverUrlProperty().get()).isEqualTo(provider.value());
        assertThat(vm.emailProperty().get()).isEqualTo(KENJI);
        assertThat(vm.passwordProperty().get()).as("not the demo's password").isEmpty();
        assertThat(vm.canSignInProperty().get()).isFalse();

        vm.passwordProperty().set(ServiceFixture.password(KENJI));
        vm.signIn();
        assertThat(signedIn).extracting(session -> session.account().server()).containsExactly(provider);
        assertThat(signedIn.get(0).account().email()).isEqualTo(KENJI);
    }

    @Test
    void aServerThatCannotBeReachedIsSaidInPlainWords() {
        LoginViewModel vm = newViewModel();
        vm.serverKindProperty().set(LoginViewModel.ServerKind.PROVIDER);
        vm.serverUrlProperty().set(UiAccountFixture.deadLoopbackAddress().toString());
        type(vm, ADA, ServiceFixture.password(ADA));

        vm.signIn();

        assertThat(vm.errorProperty().get())
                .isEqualTo("The server cannot be reached. Check the address and your connection, then try again.");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(signedIn).isEmpty();
    }

    /** Sign-in as the app builds it, with timeouts short enough for a test of a silent server. */
    private LoginViewModel impatientViewModel(Locale locale) {
        ServerConnector connector = ref -> BillingApiClient.builder(ref.uri()).retryPolicy(RetryPolicy.none())
                .connectTimeout(Duration.ofSeconds(2)).requestTimeout(Duration.ofMillis(400)).build();
        SignInService impatient = fx.server().newSignInService(connector, fx.credentials(), ServiceFixture.PAGE_LIMIT);
        Messages messages = Messages.load(locale);
        return new LoginViewModel(impatient, UiAccountFixture.demoCredentials(), new ImmediateTaskRunner(), messages,
                new Formats(locale, ZoneId.of("Europe/Madrid"), messages), clock,
                session -> signedIn.add(fx.track(session)));
    }

    private static void signInAt(LoginViewModel vm, URI server) {
        vm.serverKindProperty().set(LoginViewModel.ServerKind.PROVIDER);
        vm.serverUrlProperty().set(server.toString());
        type(vm, ADA, ServiceFixture.password(ADA));
        vm.signIn();
    }

    /** What {@code source} logs while {@code run} runs. */
    private static List<ILoggingEvent> logOf(Class<?> source, Runnable run) {
        Logger logger = (Logger) LoggerFactory.getLogger(source);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            run.run();
        } finally {
            logger.detachAppender(appender);
        }
        return appender.list;
    }

    @Test
    void aCertificateThatCannotBeVerifiedIsNotAnUnreachableServerAndThePasswordIsNotSent() {
        try (UnusableServers.Https provider = new UnusableServers.Https(UnusableServers.selfSigned(dir))) {
            LoginViewModel english = impatientViewModel(Locale.UK);
            List<ILoggingEvent> log = logOf(SignInService.class, () -> signInAt(english, provider.uri()));

            assertThat(english.errorProperty().get()).isEqualTo("The provider's address answers, but its security "
                    + "certificate could not be verified, so CourseDesk did not send your password. Check the "
                    + "address, or ask your provider.");
            assertThat(provider.requests()).as("no request went over the unverified connection").isZero();
            assertThat(signedIn).isEmpty();
            // One WARN line for the IT person: the cause's class and message; never the password.
            assertThat(log).filteredOn(e -> e.getLevel() == Level.WARN).singleElement().satisfies(e ->
                    assertThat(e.getFormattedMessage()).contains("UNTRUSTED_CERTIFICATE",
                                    "javax.net.ssl.SSLHandshakeException", "PKIX path building failed")
                            .doesNotContain(ServiceFixture.password(ADA)));

            LoginViewModel spanish = impatientViewModel(new Locale("es"));
            signInAt(spanish, provider.uri());

            assertThat(spanish.errorProperty().get()).isEqualTo("La dirección del proveedor responde, pero no se ha "
                    + "podido verificar su certificado de seguridad, así que CourseDesk no ha enviado tu contraseña. "
                    + "Comprueba la dirección o consulta a tu proveedor.");
            assertThat(spanish.busyProperty().get()).isFalse();
        }
    }

    @Test
    void aServerThatNeverAnswersIsSaidToHaveNotAnsweredInTime() throws IOException {
        try (UnusableServers.Silent silent = new UnusableServers.Silent()) {
            LoginViewModel english = impatientViewModel(Locale.UK);
            List<ILoggingEvent> log = logOf(SignInService.class, () -> signInAt(english, silent.httpUri()));

            assertThat(english.errorProperty().get())
                    .isEqualTo("The provider did not answer in time. Check your connection and try again.");
            assertThat(log).filteredOn(e -> e.getLevel() == Level.WARN).singleElement().satisfies(e ->
                    assertThat(e.getFormattedMessage()).contains("TIMED_OUT", "timed out"));

            LoginViewModel spanish = impatientViewModel(new Locale("es"));
            signInAt(spanish, silent.httpUri());

            assertThat(spanish.errorProperty().get())
                    .isEqualTo("El proveedor no ha respondido a tiempo. Comprueba tu conexión y vuelve a intentarlo.");
            assertThat(signedIn).isEmpty();
        }
    }

    @Test
    void aClosedPortIsStillUnreachableInBothLanguagesAndTheLogSaysWhy() {
        URI closed = UnusableServers.closedPort();
        LoginViewModel english = impatientViewModel(Locale.UK);
        List<ILoggingEvent> log = logOf(SignInService.class, () -> signInAt(english, closed));

        assertThat(english.errorProperty().get())
                .isEqualTo("The server cannot be reached. Check the address and your connection, then try again.");
        assertThat(log).filteredOn(e -> e.getLevel() == Level.WARN).singleElement().satisfies(e ->
                assertThat(e.getFormattedMessage()).contains("UNREACHABLE", "java.net.ConnectException"));

        LoginViewModel spanish = impatientViewModel(new Locale("es"));
        signInAt(spanish, closed);

        assertThat(spanish.errorProperty().get()).isEqualTo(
                "No se puede contactar con el servidor. Comprueba la dirección y tu conexión, y vuelve a intentarlo.");
    }

    @Test
    void aFailingServerIsSaidInPlainWords() {
        LoginViewModel vm = newViewModel();
        fx.server().faults("{\"failNext\":5,\"failureStatus\":500}");

        vm.signIn();

        assertThat(vm.errorProperty().get()).isEqualTo("The server failed to sign you in. Try again in a few minutes.");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(signedIn).isEmpty();
    }

    /**
     * An address that is a web site or another service, not the billing API: it answers every
     * request with {@code status} and an HTML page, as a web server does for an unknown path or
     * a POST it does not take.
     */
    @ParameterizedTest
    @ValueSource(ints = {404, 405, 501})
    void anAddressThatIsNotABillingServerIsSaidSoNotToTryLater(int status) throws IOException {
        HttpServer website = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        website.createContext("/", exchange -> {
            byte[] page = "<!doctype html><title>Welcome</title><p>Our courses</p>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(status, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        website.start();
        try {
            LoginViewModel vm = newViewModel();
            vm.serverKindProperty().set(LoginViewModel.ServerKind.PROVIDER);
            vm.serverUrlProperty().set("http://127.0.0.1:" + website.getAddress().getPort());
            type(vm, ADA, ServiceFixture.password(ADA));

            vm.signIn();

            assertThat(vm.errorProperty().get()).isEqualTo("This address answers, but not as a billing server. "
                    + "Check that it is your provider's billing address (such as https://billing.example.com).");
            assertThat(vm.busyProperty().get()).isFalse();
            assertThat(signedIn).isEmpty();
        } finally {
            website.stop(0);
        }
    }

    @Test
    void anEmailOrPasswordTheProviderRefusesAsWrittenIsSaidInTheLearnersLanguage() throws IOException {
        // A provider stricter than the sandbox: 400 invalid_request for the sign-in as sent.
        HttpServer provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/", exchange -> {
            byte[] problem = ("{\"type\":\"about:blank\",\"title\":\"Invalid request\",\"status\":400,"
                    + "\"detail\":\"email: too long\",\"code\":\"invalid_request\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(400, problem.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(problem);
            }
        });
        provider.start();
        try {
            Messages spanish = Messages.load(new Locale("es"));
            Formats formats = new Formats(new Locale("es"), ZoneId.of("Europe/Madrid"), spanish);
            LoginViewModel vm = new LoginViewModel(service, UiAccountFixture.demoCredentials(),
                    new ImmediateTaskRunner(), spanish, formats, clock, session -> signedIn.add(fx.track(session)));
            vm.serverKindProperty().set(LoginViewModel.ServerKind.PROVIDER);
            vm.serverUrlProperty().set("http://127.0.0.1:" + provider.getAddress().getPort());
            type(vm, ADA, ServiceFixture.password(ADA));

            vm.signIn();

            // It read "Inicio de sesión rechazado: The server refused the input."
            assertThat(vm.errorProperty().get()).isEqualTo("Tu proveedor no aceptó este correo electrónico o "
                    + "contraseña tal como están escritos. Comprueba que no haya errores y vuelve a intentarlo.");
            assertThat(signedIn).isEmpty();
        } finally {
            provider.stop(0);
        }
    }

    @Test
    void theProvidersServerWithAPathTooManyIsAWrongAddressNotAFailure() {
        LoginViewModel vm = newViewModel();
        vm.serverKindProperty().set(LoginViewModel.ServerKind.PROVIDER);
        // The sandbox answers 404 not_found (a problem document) for /api/v1/auth/login.
        vm.serverUrlProperty().set(fx.server().serverRef().value() + "/api");
        type(vm, ADA, ServiceFixture.password(ADA));

        vm.signIn();

        assertThat(vm.errorProperty().get()).isEqualTo("This address answers, but not as a billing server. "
                + "Check that it is your provider's billing address (such as https://billing.example.com).");
        assertThat(signedIn).isEmpty();
    }

    @Test
    void anErrorIsClearedByTheNextAttempt() {
        LoginViewModel vm = newViewModel();
        type(vm, ADA, "wrong");
        vm.signIn();
        assertThat(vm.errorProperty().get()).isNotEmpty();

        vm.passwordProperty().set(ServiceFixture.password(ADA));
        vm.signIn();

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(signedIn).hasSize(1);
    }

    // ----- success -----

    @Test
    void theRightPasswordOpensAdasAccountAndIsNotKept() {
        LoginViewModel vm = newViewModel();
        type(vm, "  " + ADA + " ", ServiceFixture.password(ADA));

        vm.signIn();

        assertThat(signedIn).hasSize(1);
        AccountSession session = signedIn.get(0);
        assertThat(session.account().email()).isEqualTo(ADA);
        assertThat(session.account().server()).isEqualTo(ServerRef.DEMO);
        assertThat(session.tokens().hasStoredSession()).isTrue();
        assertThat(vm.passwordProperty().get()).isEmpty();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(ServiceFixture.syncNow(session)).isInstanceOf(SyncStatus.Idle.class);
    }

    @Test
    void choosingADemoAccountFillsItsDetails() {
        LoginViewModel vm = newViewModel();
        vm.serverKindProperty().set(LoginViewModel.ServerKind.PROVIDER);
        DemoCredentials kenji = vm.demoAccounts().stream().filter(d -> d.email().equals(KENJI)).findFirst()
                .orElseThrow();

        vm.useDemoAccount(kenji);

        assertThat(vm.serverKindProperty().get()).isEqualTo(LoginViewModel.ServerKind.DEMO);
        assertThat(vm.emailProperty().get()).isEqualTo(KENJI);
        assertThat(vm.passwordProperty().get()).isEqualTo(ServiceFixture.password(KENJI));
        vm.signIn();
        assertThat(signedIn).extracting(s -> s.account().email()).containsExactly(KENJI);
    }

    // ----- accounts on this computer -----

    @Test
    void accountsSignedInBeforeAreListedWithWhenTheyLastSynced() {
        LoginViewModel first = newViewModel();
        first.loadKnownAccounts();
        assertThat(first.knownAccounts()).isEmpty();
        first.signIn();
        AccountSession session = signedIn.get(0);

        // Back on the sign-in screen (a new view-model, as after signing out), before any sync:
        LoginViewModel again = newViewModel();
        again.loadKnownAccounts();
        assertThat(again.knownAccounts()).extracting(KnownAccount::email).containsExactly(ADA);
        KnownAccount listed = again.knownAccounts().get(0);
        assertThat(again.lastSyncedText(listed)).isEqualTo("never synced");
        assertThat(again.serverText(listed)).isEqualTo("Demo (built-in sandbox)");

        SyncStatus synced = ServiceFixture.syncNow(session);
        LoginViewModel later = newViewModel();
        later.loadKnownAccounts();
        KnownAccount afterSync = later.knownAccounts().get(0);
        assertThat(afterSync.lastSyncedAt()).isEqualTo(synced.lastSyncedAt());
        assertThat(later.lastSyncedText(afterSync))
                .isEqualTo("last synced " + fx.formats().dateTime(synced.lastSyncedAt()));
    }

    @Test
    void aKnownAccountOpensFromItsLocalCopyWhileTheServerIsDown() {
        LoginViewModel first = newViewModel();
        first.signIn();
        AccountSession online = signedIn.remove(0);
        assertThat(ServiceFixture.syncNow(online)).isInstanceOf(SyncStatus.Idle.class);
        Records synced = ServiceFixture.localState(online.store());
        assertThat(synced.purchases()).isNotEmpty();
        online.close();
        fx.server().stopSandbox();

        LoginViewModel vm = newViewModel();
        vm.loadKnownAccounts();
        vm.open(vm.knownAccounts().get(0));

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(signedIn).hasSize(1);
        AccountSession offline = signedIn.get(0);
        assertThat(offline.account().email()).isEqualTo(ADA);
        ServiceFixture.assertEqual(ServiceFixture.localState(offline.store()), synced);
        assertThat(ServiceFixture.syncNow(offline)).as("and it knows it is offline")
                .isInstanceOf(SyncStatus.Offline.class);
    }

    // ----- failures said in the learner's language only, their detail in the log -----

    /** Sign-in whose connection to any server fails with {@code failure}, in {@code locale}. */
    private LoginViewModel failingViewModel(Locale locale, RuntimeException failure) {
        ServerConnector connector = ref -> {
            throw failure;
        };
        SignInService failing = fx.server().newSignInService(connector, fx.credentials(), ServiceFixture.PAGE_LIMIT);
        Messages messages = Messages.load(locale);
        return new LoginViewModel(failing, UiAccountFixture.demoCredentials(), new ImmediateTaskRunner(), messages,
                new Formats(locale, ZoneId.of("Europe/Madrid"), messages), clock,
                session -> signedIn.add(fx.track(session)));
    }

    @Test
    void anAddressTheConnectionRefusesIsSaidInTheLearnersLanguageWithoutItsEnglish() {
        IllegalArgumentException english = new IllegalArgumentException("Illegal character in authority at index 8");
        LoginViewModel vm = failingViewModel(Locale.UK, english);
        vm.signIn();
        assertThat(vm.errorProperty().get()).isEqualTo("Sign-in refused: this provider address cannot be used. "
                + "Enter it in full (such as https://billing.example.com), then try again.");

        LoginViewModel spanish = failingViewModel(new Locale("es"), english);
        spanish.signIn();
        // It read "Inicio de sesión rechazado: Illegal character in authority at index 8".
        assertThat(spanish.errorProperty().get()).isEqualTo("Inicio de sesión rechazado: no se puede usar esta "
                + "dirección del proveedor. Escríbela completa (como https://billing.example.com) y vuelve a "
                + "intentarlo.").doesNotContain("Illegal");
        assertThat(signedIn).isEmpty();
    }

    @Test
    void anUnexpectedFailureSaysWhatToDoInSpanishOnlyAndLogsTheDetailOnce() {
        LoginViewModel vm = failingViewModel(new Locale("es"),
                new IllegalStateException("HTTP/2 connection pool shut down"));
        List<ILoggingEvent> log = logOf(LoginViewModel.class, vm::signIn);

        // It read "Algo ha fallado: HTTP/2 connection pool shut down".
        assertThat(vm.errorProperty().get()).isEqualTo("Algo ha fallado al iniciar sesión, así que no se ha "
                + "iniciado la sesión. Vuelve a intentarlo; si sigue ocurriendo, el registro de CourseDesk tiene "
                + "los detalles.").doesNotContain("HTTP/2", "pool");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(signedIn).isEmpty();
        assertThat(log).filteredOn(e -> e.getLevel() == Level.WARN).singleElement().satisfies(e ->
                assertThat(e.getFormattedMessage()).contains("IllegalStateException", "connection pool shut down")
                        .doesNotContain(ServiceFixture.password(ADA)));
    }

    @Test
    void anAccountThatCannotBeOpenedSaysWhatToDoInTheLearnersLanguageAndLogsWhy() {
        LoginViewModel first = newViewModel();
        first.signIn();
        KnownAccount known = signedIn.remove(0).account();
        IllegalStateException english = new IllegalStateException("[SQLITE_IOERR] disk I/O error");

        LoginViewModel vm = failingViewModel(Locale.UK, english);
        List<ILoggingEvent> log = logOf(LoginViewModel.class, () -> vm.open(known));
        assertThat(vm.errorProperty().get()).isEqualTo("This account could not be opened from its copy on this "
                + "computer. Check that the disk is not full, then try again; if it keeps happening, CourseDesk's "
                + "log has the details.");
        assertThat(log).filteredOn(e -> e.getLevel() == Level.WARN).singleElement().satisfies(e ->
                assertThat(e.getFormattedMessage()).contains(known.accountId(), "SQLITE_IOERR"));

        LoginViewModel spanish = failingViewModel(new Locale("es"), english);
        spanish.open(known);
        // It read "No se pudo abrir esta cuenta: [SQLITE_IOERR] disk I/O error".
        assertThat(spanish.errorProperty().get()).isEqualTo("No se ha podido abrir esta cuenta desde su copia en "
                + "este ordenador. Comprueba que el disco no esté lleno y vuelve a intentarlo; si sigue ocurriendo, "
                + "el registro de CourseDesk tiene los detalles.").doesNotContain("SQLITE", "disk");
        assertThat(spanish.busyProperty().get()).isFalse();
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
