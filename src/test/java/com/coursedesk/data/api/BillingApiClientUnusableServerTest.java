package com.coursedesk.data.api;

import com.coursedesk.service.UnusableServers;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Why no answer arrived, over real connections: a certificate that cannot be verified (unknown
 * issuer, another host name) is not a timeout, and neither is a closed port.
 */
class BillingApiClientUnusableServerTest {

    @TempDir
    Path dir;

    private static BillingApiClient client(URI uri, SSLContext trust) {
        BillingApiClient.Builder builder = BillingApiClient.builder(uri).retryPolicy(RetryPolicy.none())
                .connectTimeout(Duration.ofSeconds(2)).requestTimeout(Duration.ofMillis(400));
        if (trust != null) {
            builder.sslContext(trust);
        }
        return builder.build();
    }

    private static ApiUnreachableException failure(BillingApiClient client) {
        return catchThrowableOfType(client::health, ApiUnreachableException.class);
    }

    @Test
    void aSelfSignedCertificateIsAnUntrustedCertificateAndNothingReachesTheServer() {
        try (UnusableServers.Https server = new UnusableServers.Https(UnusableServers.selfSigned(dir))) {
            ApiUnreachableException e = failure(client(server.uri(), null));

            assertThat(e.kind()).isEqualTo(ApiUnreachableException.Kind.UNTRUSTED_CERTIFICATE);
            assertThat(e.getCause()).isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
            assertThat(server.requests()).isZero();
        }
    }

    @Test
    void aTrustedCertificateForAnotherHostNameIsAnUntrustedCertificate() {
        UnusableServers.Certificate other = UnusableServers.certificate(dir, "other-host", "dns:billing.example.com",
                null, 30);
        try (UnusableServers.Https server = new UnusableServers.Https(other)) {
            ApiUnreachableException e = failure(client(server.uri(), other.trustingIt()));

            assertThat(e.kind()).isEqualTo(ApiUnreachableException.Kind.UNTRUSTED_CERTIFICATE);
            assertThat(server.requests()).isZero();
        }
    }

    @Test
    void theSameCertificateTrustedIsUsedNormally() {
        UnusableServers.Certificate own = UnusableServers.selfSigned(dir);
        try (UnusableServers.Https server = new UnusableServers.Https(own)) {
            // The stand-in answers 401 to everything: the connection itself worked.
            ApiException e = catchThrowableOfType(client(server.uri(), own.trustingIt())::health, ApiException.class);

            assertThat(e.status()).isEqualTo(401);
            assertThat(server.requests()).isEqualTo(1);
        }
    }

    @Test
    void aServerThatAcceptsAndNeverAnswersTimesOut() throws IOException {
        try (UnusableServers.Silent silent = new UnusableServers.Silent()) {
            long started = System.nanoTime();
            ApiUnreachableException e = failure(client(silent.httpUri(), null));

            assertThat(e.kind()).isEqualTo(ApiUnreachableException.Kind.TIMED_OUT);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aClosedPortIsNoConnection() {
        ApiUnreachableException e = failure(client(UnusableServers.closedPort(), null));

        assertThat(e.kind()).isEqualTo(ApiUnreachableException.Kind.NO_CONNECTION);
    }

    @Test
    void aPlainHttpServerAtAnHttpsAddressIsNotACertificateProblem() throws IOException {
        HttpServer plain = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        plain.start();
        try {
            ApiUnreachableException e = failure(client(
                    URI.create("https://127.0.0.1:" + plain.getAddress().getPort()), null));

            assertThat(e.kind()).isNotEqualTo(ApiUnreachableException.Kind.UNTRUSTED_CERTIFICATE);
        } finally {
            plain.stop(0);
        }
    }
}
